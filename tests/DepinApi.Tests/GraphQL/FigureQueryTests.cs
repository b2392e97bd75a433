using System.Text.Json;

namespace DepinApi.Tests.GraphQL;

/// <summary>Queries over the seed data return its figures with their sources and quotes.</summary>
public class FigureQueryTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Fact]
    public async Task A_project_returns_its_revenue_figures_with_source_basis_qualifier_and_quote()
    {
        var data = await api.Client.DataAsync("""
            { project(slug: "aethir") { name sector revenue(metric: QUARTERLY_REVENUE) {
                id quarter metric amountUsd basis qualifier quote source { publisher title publishedOn publishedLabel } } } }
            """);

        var project = data.GetProperty("project");
        Assert.Equal("Aethir", project.GetProperty("name").GetString());
        Assert.Equal("COMPUTE", project.GetProperty("sector").GetString());
        var q2 = project.GetProperty("revenue").EnumerateArray().Single(f => f.GetProperty("quarter").GetString() == "2025Q2");
        Assert.Equal(32_700_000m, q2.GetProperty("amountUsd").GetDecimal());
        Assert.Equal("QUARTERLY_REVENUE", q2.GetProperty("metric").GetString());
        Assert.Equal("DISCLOSED", q2.GetProperty("basis").GetString());
        Assert.Equal("BlockEden.xyz", q2.GetProperty("source").GetProperty("publisher").GetString());
        Assert.Equal(JsonValueKind.Null, q2.GetProperty("source").GetProperty("publishedOn").ValueKind);
        Assert.Equal("early 2026", q2.GetProperty("source").GetProperty("publishedLabel").GetString());
        Assert.Contains("$32.7 million in Q2", q2.GetProperty("quote").GetString());
    }
}
