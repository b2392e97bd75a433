using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>
/// units on a revenue series, with values computed by hand from seed-data/revenue.csv: Aethir's
/// quarterly revenue was $28.5M (Q1 2025), $32.7M (Q2), $39.9M (Q3).
/// </summary>
public class UnitsTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private const string Series = "/v1/projects/aethir/revenue?metric=quarterly_revenue";

    [Fact]
    public async Task Lin_gives_the_levels()
    {
        Assert.Equal([28_500_000m, 32_700_000m, 39_900_000m], await ValuesAsync(Series));
    }

    [Fact]
    public async Task Chg_is_the_change_from_the_previous_quarter_and_null_without_one()
    {
        // Q1 2025 has no Q4 2024 figure to compare with: null, never 0.
        Assert.Equal([null, 4_200_000m, 7_200_000m], await ValuesAsync(Series + "&units=chg"));
    }

    [Fact]
    public async Task Pch_is_the_percent_change_from_the_previous_quarter()
    {
        // 32.7 / 28.5 − 1 = 14.736842 %; 39.9 / 32.7 − 1 = 22.018349 % (the source rounds them to 14.5% and 22%).
        Assert.Equal([null, 14.736842m, 22.018349m], await ValuesAsync(Series + "&units=pch"));
    }

    [Fact]
    public async Task Pc1_is_null_when_there_is_no_figure_a_year_earlier()
    {
        Assert.Equal([null, null, null], await ValuesAsync(Series + "&units=pc1"));
    }

    [Fact]
    public async Task From_still_uses_the_quarter_before_it_as_the_base()
    {
        var body = await api.GetJsonAsync(Series + "&units=chg&from=2025Q2");

        var figures = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["2025Q2", "2025Q3"], figures.Select(f => f.GetProperty("quarter").GetString()!).ToArray());
        Assert.Equal(4_200_000m, figures[0].GetProperty("value").GetDecimal());
        Assert.Equal(32_700_000m, figures[0].GetProperty("amountUsd").GetDecimal());
        Assert.Equal("chg", figures[0].GetProperty("units").GetString());
    }

    [Fact]
    public async Task Each_metric_is_its_own_series()
    {
        // Akash's lease income and network fee revenue share Q3 2025 but have no earlier quarter: both null.
        var body = await api.GetJsonAsync("/v1/projects/akash/revenue?units=chg");

        Assert.All(body.GetProperty("data").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("value").ValueKind));
    }

    [Theory]
    [InlineData("chg", "the change in USD")]
    [InlineData("pch", "the percent change")]
    public async Task A_full_year_cites_the_year_before_as_what_it_is_compared_with(string units, string what)
    {
        // Aethir's full year 2025 is the only full year stated: no figure a year before, and the citation says which.
        var body = await api.GetJsonAsync($"/v1/projects/aethir/revenue?metric=fiscal_year_revenue&units={units}");

        Assert.All(body.GetProperty("data").EnumerateArray(), f =>
        {
            Assert.Equal(JsonValueKind.Null, f.GetProperty("value").ValueKind);
            Assert.Contains($"{what} from full year 2024, which has no single figure of the same series", f.GetProperty("citation").GetString());
        });
    }

    [Fact]
    public async Task Csv_leaves_a_missing_transformed_value_empty()
    {
        var csv = await api.Client.GetStringAsync(Series + "&units=chg&format=csv");

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.StartsWith("aethir-2025q1-quarterly-revenue,aethir,2025Q1,quarterly_revenue,28500000,chg,,", rows[0]);
        Assert.StartsWith("aethir-2025q2-quarterly-revenue,aethir,2025Q2,quarterly_revenue,32700000,chg,4200000,", rows[1]);
    }

    private async Task<decimal?[]> ValuesAsync(string url)
    {
        var body = await api.GetJsonAsync(url);
        return body.GetProperty("data").EnumerateArray()
            .Select(f => f.GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : (decimal?)null)
            .ToArray();
    }
}
