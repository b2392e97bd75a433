namespace DepinApi.Tests.GraphQL;

/// <summary>Screening scores and sector analytics come from the screening service, inside the request's read session.</summary>
public class ScreeningQueryTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Fact]
    public async Task The_ranked_report_and_each_projects_screening_agree()
    {
        var data = await api.Client.DataAsync("""
            { screening { methodologyVersion dataVersion weights { id weight } projects { project composite rank coverage } }
              projects(first: 10) { nodes { slug screening { composite rank components { id score coverage inputs { figureId basis source { publisher } quote } } } } } }
            """);

        var report = data.GetProperty("screening");
        Assert.Equal(100, report.GetProperty("weights").EnumerateArray().Sum(w => w.GetProperty("weight").GetInt32()));
        var ranked = report.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("project").GetString()!);
        Assert.Equal(7, ranked.Count);
        foreach (var node in data.GetProperty("projects").GetProperty("nodes").EnumerateArray())
        {
            var screening = node.GetProperty("screening");
            var fromReport = ranked[node.GetProperty("slug").GetString()!];
            Assert.Equal(fromReport.GetProperty("composite").GetRawText(), screening.GetProperty("composite").GetRawText());
            Assert.Equal(fromReport.GetProperty("rank").GetRawText(), screening.GetProperty("rank").GetRawText());
            Assert.All(screening.GetProperty("components").EnumerateArray().SelectMany(c => c.GetProperty("inputs").EnumerateArray()),
                input => Assert.False(string.IsNullOrEmpty(input.GetProperty("quote").GetString())));
        }
    }

    [Fact]
    public async Task Sector_analytics_appear_under_sectors_and_at_the_root()
    {
        var data = await api.Client.DataAsync("""
            { sectors { sector analytics { sector revenue { quarter metric totalUsd projectCount projects { project share } } } }
              sectorAnalytics(quarter: "2026Q2", metric: ANNUALIZED_EXTERNAL_REVENUE) { revenue { quarter metric totalUsd hhi top3Share } } }
            """);

        foreach (var sector in data.GetProperty("sectors").EnumerateArray())
            Assert.Equal(sector.GetProperty("sector").GetString(), sector.GetProperty("analytics").GetProperty("sector").GetString());
        var concentration = Assert.Single(data.GetProperty("sectorAnalytics").GetProperty("revenue").EnumerateArray());
        Assert.Equal("2026Q2", concentration.GetProperty("quarter").GetString());
        Assert.True(concentration.GetProperty("totalUsd").GetDecimal() > 0);
    }
}
