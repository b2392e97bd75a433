using DepinApi.ReadModel;
using DepinApi.Series;
using DepinApi.Tests.Import;

namespace DepinApi.Tests.ReadModel;

/// <summary>
/// A revenue series in units, computed by the read model's one SQL expression (<c>FigureSql.ValueIn</c>) that REST, the
/// resolvers and compiled GraphQL all use: values worked out by hand from a series with a quarter stated twice (by two
/// sources) and a figure a year back, read over a range whose earlier quarters are not listed.
/// </summary>
public sealed class RevenueUnitsTests : IAsyncLifetime
{
    private ReadModelDatabase database = null!;

    private static readonly string[] Listed = ["h-2025q2-one", "h-2025q2-two", "h-2025q3"];

    public async Task InitializeAsync()
    {
        database = await ReadModelDatabase.CreateAsync();
        await database.ImportAsync(SeedFixture.Valid().Set("revenue.csv", """
            id,project,quarter,metric,amount_usd,basis,qualifier,source,quote
            h-2024q2,helium,2024Q2,quarterly_revenue,400,disclosed,,src-one,Helium earned $400 in Q2 2024.
            h-2024q4,helium,2024Q4,quarterly_revenue,480,disclosed,,src-one,Helium earned $480 in Q4 2024.
            h-2025q1,helium,2025Q1,quarterly_revenue,600,disclosed,,src-one,Helium earned $600 in Q1 2025.
            h-2025q2-one,helium,2025Q2,quarterly_revenue,500,disclosed,,src-one,Helium earned $500 in Q2 2025.
            h-2025q2-two,helium,2025Q2,quarterly_revenue,510,estimate,,src-two,Helium earned $510 in Q2 2025.
            h-2025q3,helium,2025Q3,quarterly_revenue,700,disclosed,,src-one,Helium earned $700 in Q3 2025.
            a-2025q2,akash,2025Q2,quarterly_revenue,999,estimate,,src-two,Akash earned $999 in Q2 2025.
            h-2024-fy,helium,2024Q4,fiscal_year_revenue,2000,disclosed,,src-one,Helium earned $2000 in 2024.
            h-2025-fy,helium,2025Q4,fiscal_year_revenue,2500,disclosed,,src-one,Helium earned $2500 in 2025.

            """));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Lin_lists_the_levels_of_the_requested_quarters_only()
    {
        Assert.Equal<(string, decimal?)>([("h-2025q2-one", 500m), ("h-2025q2-two", 510m), ("h-2025q3", 700m)], await ValuesAsync(SeriesUnits.Lin));
    }

    [Fact]
    public async Task Chg_compares_with_the_quarter_before_even_when_it_is_not_listed_and_picks_the_same_source_of_two()
    {
        // 2025Q2 against 2025Q1's one figure; 2025Q3 (src-one) against the src-one figure of the two 2025Q2 ones.
        Assert.Equal<(string, decimal?)>([("h-2025q2-one", -100m), ("h-2025q2-two", -90m), ("h-2025q3", 200m)], await ValuesAsync(SeriesUnits.Chg));
    }

    [Fact]
    public async Task Pch_is_a_percent_rounded_to_six_decimals()
    {
        Assert.Equal<(string, decimal?)>([("h-2025q2-one", -16.666667m), ("h-2025q2-two", -15m), ("h-2025q3", 40m)], await ValuesAsync(SeriesUnits.Pch));
    }

    [Fact]
    public async Task Pc1_compares_with_a_year_earlier_and_is_null_without_one()
    {
        Assert.Equal<(string, decimal?)>([("h-2025q2-one", 25m), ("h-2025q2-two", 27.5m), ("h-2025q3", null)], await ValuesAsync(SeriesUnits.Pc1));
    }

    [Fact]
    public async Task A_first_quarter_looks_back_across_the_year()
    {
        // 2025Q1 against 2024Q4 (one quarter back), and against 2024Q1 (a year back), which has no figure.
        await using var session = await database.OpenAsync();
        foreach (var (units, expected) in new[] { (SeriesUnits.Chg, 120m), (SeriesUnits.Pch, 25m), (SeriesUnits.Pc1, (decimal?)null) })
        {
            var points = await RevenueSeries.ReadAsync(session, ["helium"], ["quarterly_revenue"], new Quarter(2025, 1), new Quarter(2025, 1),
                units, CancellationToken.None);
            Assert.Equal(expected, Assert.Single(points).Value);
        }
    }

    [Fact]
    public async Task A_full_year_is_compared_with_the_year_before_in_every_unit()
    {
        // A full year sits in its fourth quarter; the quarter before holds none, so chg and pch look a year back as pc1 does.
        await using var session = await database.OpenAsync();
        foreach (var (units, expected) in new[] { (SeriesUnits.Chg, 500m), (SeriesUnits.Pch, 25m), (SeriesUnits.Pc1, 25m) })
        {
            var points = await RevenueSeries.ReadAsync(session, ["helium"], ["fiscal_year_revenue"], new Quarter(2025, 4), new Quarter(2025, 4),
                units, CancellationToken.None);
            Assert.Equal(expected, Assert.Single(points).Value);
        }
    }

    [Fact]
    public async Task A_series_is_one_project_and_metric()
    {
        // Akash's 2025Q2 has no earlier figure of its own, though Helium's 2025Q1 is in the table.
        await using var session = await database.OpenAsync();
        var points = await RevenueSeries.ReadAsync(session, ["akash"], null, null, null, SeriesUnits.Chg, CancellationToken.None);
        Assert.Null(Assert.Single(points).Value);
    }

    private async Task<List<(string, decimal?)>> ValuesAsync(SeriesUnits units)
    {
        await using var session = await database.OpenAsync();
        var points = await RevenueSeries.ReadAsync(session, ["helium"], ["quarterly_revenue"], new Quarter(2025, 2), new Quarter(2025, 3),
            units, CancellationToken.None);
        Assert.Equal(Listed, points.Select(p => p.Figure.Id));
        return points.Select(p => (p.Figure.Id, p.Value)).ToList();
    }
}
