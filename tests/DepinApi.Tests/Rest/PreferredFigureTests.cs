using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>
/// When a source states one figure twice ("over $500 million" and "about $520 million"), every revenue list marks the
/// statement to cite — the one /v1/revenue chooses — and every share shows what it is a share of.
/// </summary>
public class PreferredFigureTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Fact]
    public async Task A_quarter_stated_twice_marks_the_figure_v1_revenue_cites()
    {
        var quarter = (await api.GetJsonAsync("/v1/projects/helium/revenue/2026Q2")).GetProperty("data").EnumerateArray().ToList();
        var table = (await api.GetJsonAsync("/v1/revenue?metric=annualized_external_revenue&quarter=2026Q2")).GetProperty("data")
            .EnumerateArray().ToList();

        Assert.Equal(2, quarter.Count);
        var preferred = Assert.Single(quarter, f => f.GetProperty("preferred").GetBoolean());
        Assert.Equal("helium-2026q2-annualized-external-revenue-table", preferred.GetProperty("id").GetString());
        var helium = Assert.Single(table, r => r.GetProperty("project").GetString() == "helium");
        Assert.Equal(preferred.GetProperty("id").GetString(), helium.GetProperty("figure").GetProperty("id").GetString());
        Assert.True(helium.GetProperty("figure").GetProperty("preferred").GetBoolean());
    }

    [Fact]
    public async Task Every_project_quarter_and_metric_has_exactly_one_preferred_statement_and_it_is_the_one_v1_revenue_cites()
    {
        var all = new List<JsonElement>();
        foreach (var slug in new[] { "helium", "akash", "hivemapper", "filecoin", "render", "aethir", "io-net" })
            all.AddRange((await api.GetJsonAsync($"/v1/projects/{slug}/revenue?limit=500")).GetProperty("data").EnumerateArray());

        foreach (var group in all.GroupBy(f => (Project: Text(f, "project"), Quarter: Text(f, "quarter"), Metric: Text(f, "metric"))))
        {
            var preferred = Assert.Single(group, f => f.GetProperty("preferred").GetBoolean());
            var chosen = (await api.GetJsonAsync($"/v1/revenue?metric={group.Key.Metric}&quarter={group.Key.Quarter}")).GetProperty("data")
                .EnumerateArray().Single(r => Text(r, "project") == group.Key.Project);
            Assert.Equal(Text(preferred, "id"), Text(chosen.GetProperty("figure"), "id"));
            Assert.Equal(group.Count() - 1, chosen.GetProperty("alternativeFigures").GetInt32());
            // The figure's own permalink says the same.
            Assert.True((await api.GetJsonAsync($"/v1/revenue/{Text(preferred, "id")}")).GetProperty("data").GetProperty("preferred").GetBoolean());
        }
    }

    [Fact]
    public async Task Every_share_shows_its_denominator()
    {
        var rows = (await api.GetJsonAsync("/v1/revenue?metric=annualized_external_revenue&quarter=2026Q2")).GetProperty("data")
            .EnumerateArray().ToList();

        var sum = rows.Sum(r => r.GetProperty("amountUsd").GetDecimal());
        Assert.All(rows, r =>
        {
            Assert.Equal(sum, r.GetProperty("shareOfUsd").GetDecimal());
            Assert.Equal(rows.Count, r.GetProperty("shareOfProjects").GetInt32());
            Assert.Equal(Math.Round(r.GetProperty("amountUsd").GetDecimal() / sum, 6), r.GetProperty("share").GetDecimal());
            Assert.StartsWith("Computed by this API: ", r.GetProperty("shareCitation").GetString());
            Assert.Contains($"of the {rows.Count} projects listed", r.GetProperty("shareCitation").GetString());
        });
        var helium = rows.Single(r => Text(r, "project") == "helium");
        var percent = (helium.GetProperty("share").GetDecimal() * 100).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"is about {percent}% (about $520 million of about $", Text(helium, "shareCitation"));
        var mix = (await api.GetJsonAsync("/v1/settlement-mix/helium-2026-06-01-settlement-mix")).GetProperty("data");
        Assert.Equal("the project's fees", mix.GetProperty("shareOf").GetString());
    }

    [Fact]
    public async Task A_share_of_figures_the_sources_qualify_is_about_as_they_are_and_every_share_has_four_decimals()
    {
        // Every 2026Q2 figure cited is "about" some amount: their sum and each share are approximate too.
        var rows = (await api.GetJsonAsync("/v1/revenue?metric=annualized_external_revenue&quarter=2026Q2")).GetProperty("data")
            .EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Matches(@" is about \d+\.\d{4}% \((about |over |more than )?\$[^)]* of about \$", Text(r, "shareCitation")));
        var render = rows.Single(r => Text(r, "project") == "render");
        Assert.Contains("is about 4.8780% (", Text(render, "shareCitation"));

        // Plainly stated figures make a plain share: Aethir's quarters are stated without a qualifier.
        var plain = (await api.GetJsonAsync("/v1/revenue?metric=quarterly_revenue&quarter=2025Q2")).GetProperty("data").EnumerateArray().Single();
        Assert.Contains("is 100.0000% ($32.7 million of $32.7 million, ", Text(plain, "shareCitation"));

        // The sector chart's tooltips and its description say the same.
        var svg = await api.Client.GetStringAsync("/v1/sectors/analytics?metric=annualized_external_revenue&quarter=2026Q2&format=svg");
        Assert.Contains("<title>as of Q2 2026: Helium about 63.4146% (about $520 million of about $820 million)</title>", svg);
        Assert.Contains("Helium about 63.4146%", svg.Split("<desc")[1].Split("</desc>")[0]);
    }

    [Fact]
    public async Task A_value_in_other_units_is_cited_as_computed_and_from_what()
    {
        var figure = (await api.GetJsonAsync("/v1/projects/aethir/revenue/2025Q2?units=pch")).GetProperty("data").EnumerateArray()
            .Single(f => Text(f, "id") == "aethir-2025q2-quarterly-revenue");

        var citation = Text(figure, "citation");
        Assert.Contains("$32.7 million", citation);
        Assert.Contains("Computed by this API (pch): the percent change from the Q1 2025 figure of the same series, "
                        + figure.GetProperty("value").GetRawText() + "%.", citation);
    }

    private static string Text(JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
