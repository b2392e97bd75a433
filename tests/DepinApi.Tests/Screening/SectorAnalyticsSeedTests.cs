using DepinApi.ReadModel;
using DepinApi.SectorAnalytics;

namespace DepinApi.Tests.Screening;

/// <summary>Sector analytics on the repository's seed data, each expected value worked out by hand.</summary>
public sealed class SectorAnalyticsSeedTests(SeedScreeningFixture seed) : IClassFixture<SeedScreeningFixture>
{
    private Task<SectorAnalyticsReport> AnalyseAsync(string? sector = null, Quarter? quarter = null, string? metric = null) =>
        new SectorAnalyticsService(seed.Database.Sessions).AnalyseAsync((AsOf?)null, sector, quarter, metric, CancellationToken.None);

    [Fact]
    public async Task Annualized_external_revenue_in_2026Q2_shares_top3_and_hhi()
    {
        var report = await AnalyseAsync(quarter: new Quarter(2026, 2), metric: "annualized_external_revenue");
        var q2 = Assert.Single(report.Revenue);

        // The table rows ("About $…") are preferred to the narrative ones ("exceeding", "surpassed", "nearly"):
        // 520 + 110 + 90 + 60 + 40 = $820M
        Assert.Equal(820_000_000m, q2.TotalUsd);
        Assert.Equal(["helium", "akash", "hivemapper", "filecoin", "render"], q2.Projects.Select(p => p.Project));
        // 520/820 = 0.6341463… → 0.634146; 110/820 = 0.1341463… → 0.134146; 90/820 = 0.1097560… → 0.109756;
        // 60/820 = 0.0731707… → 0.073171; 40/820 = 0.0487804… → 0.048780
        Assert.Equal([0.634146m, 0.134146m, 0.109756m, 0.073171m, 0.048780m], q2.Projects.Select(p => p.Share!.Value));
        Assert.Equal("helium-2026q2-annualized-external-revenue-table", q2.Projects[0].FigureId);
        // top 3: (520 + 110 + 90) / 820 = 0.8780487… → 0.878049
        Assert.Equal(0.878049m, q2.Top3Share);
        // HHI: 10,000 × (520² + 110² + 90² + 60² + 40²) / 820² = 10,000 × 295,800 / 672,400 = 4399.1671… → 4399.17
        Assert.Equal(4399.17m, q2.Hhi);
        // Stated: "surpassed $800 million" and "over 85%"; listed minus stated = 820M − 800M = 20M
        Assert.Equal((800_000_000m, "over"), (q2.StatedTotal!.Value, q2.StatedTotal.Qualifier));
        Assert.Equal(20_000_000m, q2.ListedMinusStatedUsd);
        Assert.Equal((0.85m, "over"), (q2.StatedTop3Share!.Value, q2.StatedTop3Share.Qualifier));
    }

    [Fact]
    public async Task Every_quarter_and_metric_is_listed_newest_first()
    {
        var report = await AnalyseAsync();
        Assert.Equal("2026Q2 annualized_external_revenue", $"{report.Revenue[0].Quarter} {report.Revenue[0].Metric}");
        var runRate = report.Revenue.Single(r => r.Quarter == "2025Q3" && r.Metric == "annualized_run_rate");
        // aethir $166M + akash ~$4.2M = $170.2M; 166 / 170.2 = 0.9753231… → 0.975323; 4.2 / 170.2 = 0.0246768… → 0.024677;
        // HHI = 10,000 × (166² + 4.2²) / 170.2² = 9518.64; fewer than three projects: top-3 share is all of it, 1
        Assert.Equal(170_200_000m, runRate.TotalUsd);
        Assert.Equal([0.975323m, 0.024677m], runRate.Projects.Select(p => p.Share!.Value));
        Assert.Equal(9518.64m, runRate.Hhi);
        Assert.Equal(1m, runRate.Top3Share);
        Assert.Null(runRate.StatedTotal);
        // Aethir's FY2025: the exact "$127.8 million" is preferred to "crossed $127 million"
        Assert.Equal(127_800_000m, report.Revenue.Single(r => r.Metric == "fiscal_year_revenue").TotalUsd);
    }

    [Fact]
    public async Task Implied_price_a_year_earlier_is_the_price_divided_by_one_plus_the_change()
    {
        var report = await AnalyseAsync();
        var implied = report.ImpliedPrices.ToDictionary(p => p.Project, p => p.ImpliedPriceUsd);
        // helium 0.7277 / (1 − 0.7855) = 0.7277 / 0.2145 = 3.3925407… → 3.39254079
        Assert.Equal(3.39254079m, implied["helium"]);
        // akash 0.7529 / 0.5798 = 1.29855122; hivemapper 0.001804 / 0.0695 = 0.02595683
        Assert.Equal(1.29855122m, implied["akash"]);
        Assert.Equal(0.02595683m, implied["hivemapper"]);
        // filecoin 0.9205 / 0.3588 = 2.56549610; render 2.0463 / 0.5202 = 3.93367935
        Assert.Equal(2.56549610m, implied["filecoin"]);
        Assert.Equal(3.93367935m, implied["render"]);
        // aethir and io-net have no price in the data
        Assert.Equal(["akash", "filecoin", "helium", "hivemapper", "render"], implied.Keys.Order());
        Assert.Equal("0.7277 / (1 + (-0.7855)) = 0.7277 / 0.2145 = 3.39254079",
            report.ImpliedPrices.Single(p => p.Project == "helium").Arithmetic);
    }

    [Fact]
    public async Task The_sector_revenue_multiple_is_market_cap_over_revenue()
    {
        var report = await AnalyseAsync();
        var multiple = Assert.Single(report.RevenueMultiples);
        // "roughly $10 billion in circulating market cap generated just $72 million in on-chain revenue in fiscal year 2025"
        // 10,000,000,000 / 72,000,000 = 138.888… → 138.89
        Assert.Equal(("depin", "2025", 10_000_000_000m, 72_000_000m, 138.89m),
            (multiple.Scope, multiple.Period, multiple.MarketCapUsd, multiple.RevenueUsd, multiple.Multiple));
        Assert.Equal("onchain_revenue", multiple.RevenueMetric);
    }

    [Fact]
    public async Task A_sector_restricts_the_projects_and_compares_with_its_own_scope()
    {
        var report = await AnalyseAsync(sector: "compute", quarter: new Quarter(2026, 2), metric: "annualized_external_revenue");
        Assert.Equal("depin_compute", report.Scope);
        var q2 = Assert.Single(report.Revenue);
        // akash $110M + render $40M = $150M; 110 / 150 = 0.733333; 40 / 150 = 0.266667
        Assert.Equal(150_000_000m, q2.TotalUsd);
        Assert.Equal([0.733333m, 0.266667m], q2.Projects.Select(p => p.Share!.Value));
        // HHI = 10,000 × (110² + 40²) / 150² = 10,000 × 13,700 / 22,500 = 6088.89
        Assert.Equal(6088.89m, q2.Hhi);
        Assert.Null(q2.StatedTotal);
        Assert.Empty(report.RevenueMultiples);
        Assert.Equal(["akash", "render"], report.ImpliedPrices.Select(p => p.Project));
    }
}
