using DepinApi.Screening;

namespace DepinApi.Tests.Screening;

/// <summary>
/// Every component of every project on the repository's seed data, computed by hand from the
/// rows of seed-data/ (the arithmetic is written next to each expected value).
/// </summary>
public sealed class SeedScoresTests(SeedScreeningFixture seed) : IClassFixture<SeedScreeningFixture>
{
    private decimal? Score(string slug, string component) => seed.Component(slug, component).Score;

    [Fact]
    public void Settlement_quality_is_100_times_the_stablecoin_share_or_the_label_band_midpoint()
    {
        // helium-2026-06-01-settlement-mix: "about 70%" → 100 × 0.70 = 70
        Assert.Equal(70.00m, Score("helium", ComponentIds.SettlementQuality));
        // akash-2026-06-01-settlement-mix: "about 55%" → 100 × 0.55 = 55
        Assert.Equal(55.00m, Score("akash", ComponentIds.SettlementQuality));
        // "mainly settle in native tokens" → label mainly_native, band 0–0.5, midpoint 0.25 → 25
        Assert.Equal(25.00m, Score("hivemapper", ComponentIds.SettlementQuality));
        Assert.Equal(25.00m, Score("filecoin", ComponentIds.SettlementQuality));
        // No settlement row for render, aethir, io-net.
        Assert.Null(Score("render", ComponentIds.SettlementQuality));
        Assert.Null(Score("aethir", ComponentIds.SettlementQuality));
        Assert.Null(Score("io-net", ComponentIds.SettlementQuality));

        var fromLabel = seed.Component("filecoin", ComponentIds.SettlementQuality);
        Assert.True(fromLabel.FromLabel);
        Assert.Equal(Coverage.Partial, fromLabel.Coverage);
        Assert.Equal(SettlementQuality.LabelBandFormula, fromLabel.FormulaId);
        Assert.Equal("mainly_native", Assert.Single(fromLabel.Inputs).Label);
        var fromShare = seed.Component("helium", ComponentIds.SettlementQuality);
        Assert.False(fromShare.FromLabel);
        Assert.Equal((Coverage.Full, SettlementQuality.ShareFormula), (fromShare.Coverage, fromShare.FormulaId));
        var input = Assert.Single(fromShare.Inputs);
        Assert.Equal((0.70m, "2026-06-01", "gate-2026-06-01", "helium-2026-06-01-settlement-mix"),
            (input.Value, input.AsOf, input.Source.Id, input.FigureId));
        Assert.Equal("100 × 0.7 = 70.00", fromShare.Arithmetic);
    }

    [Fact]
    public void Reward_funding_is_the_mean_of_the_claims_labels()
    {
        // helium: emission_funded (0, "funded entirely by token incentives") and usage_funded
        // (100, "The protocol distributes this income to network participants") → (0 + 100) / 2 = 50
        Assert.Equal(50.00m, Score("helium", ComponentIds.RewardFunding));
        // render: usage_funded ("burn ... consuming supply faster than new tokens enter circulation") → 100
        Assert.Equal(100.00m, Score("render", ComponentIds.RewardFunding));
        // io-net: partly_usage_funded ("ties emissions directly to demand metrics") → 50
        Assert.Equal(50.00m, Score("io-net", ComponentIds.RewardFunding));
        foreach (var slug in new[] { "akash", "hivemapper", "filecoin", "aethir" })
            Assert.Null(Score(slug, ComponentIds.RewardFunding));
        Assert.Equal(2, seed.Component("helium", ComponentIds.RewardFunding).Inputs.Count);
    }

    [Fact]
    public void Burn_linkage_scores_burn_and_mint_100_and_usage_burns_75()
    {
        // helium: "increased network usage leads to more token burns" → usage_burns → 75
        Assert.Equal(75.00m, Score("helium", ComponentIds.BurnLinkage));
        // render: "re-anchoring its emissions to a "burn-and-mint equilibrium"" → burn_and_mint → 100
        Assert.Equal(100.00m, Score("render", ComponentIds.BurnLinkage));
        foreach (var slug in new[] { "akash", "hivemapper", "filecoin", "aethir", "io-net" })
            Assert.Null(Score(slug, ComponentIds.BurnLinkage));
    }

    [Fact]
    public void External_demand_is_the_mean_of_the_claims_labels()
    {
        // helium: independent_of_token (Gate: "paying users do not care about token prices") 100,
        // independent_of_token (Aerioxflux: "a service people would buy without the token") 100,
        // recursive (Aerioxflux: "People bought hotspots to earn HNT") 0 → 200 / 3 = 66.666… → 66.67
        Assert.Equal(66.67m, Score("helium", ComponentIds.ExternalDemand));
        // filecoin: paid_usage ("storage demand is increasing") → 50
        Assert.Equal(50.00m, Score("filecoin", ComponentIds.ExternalDemand));
        // one independent_of_token claim each → 100
        foreach (var slug in new[] { "akash", "hivemapper", "render", "aethir", "io-net" })
            Assert.Equal(100.00m, Score(slug, ComponentIds.ExternalDemand));
        Assert.Equal("('recursive' 0 + 'independent_of_token' 100 + 'independent_of_token' 100) / 3 = 66.67",
            seed.Component("helium", ComponentIds.ExternalDemand).Arithmetic);
    }

    [Fact]
    public void Revenue_momentum_compares_two_figures_of_the_same_metric()
    {
        // aethir quarterly_revenue: 2025Q3 $39.9M vs 2025Q2 $32.7M (no 2024Q3 figure, so quarter on quarter):
        // r = 39.9 / 32.7 = 1.220183…, R = r^4 = 2.216668…, 100 × R / (R + 1) = 68.9119… → 68.91
        Assert.Equal(68.91m, Score("aethir", ComponentIds.RevenueMomentum));
        var momentum = seed.Component("aethir", ComponentIds.RevenueMomentum);
        Assert.Equal(["aethir-2025q3-quarterly-revenue", "aethir-2025q2-quarterly-revenue"], momentum.Inputs.Select(i => i.FigureId));
        // Every other project has at most one quarter per metric (helium's two 2026Q2 rows are the same quarter;
        // akash's 2025Q3 run rate and 2026Q2 annualized external revenue are different metrics).
        foreach (var slug in new[] { "helium", "akash", "hivemapper", "filecoin", "render", "io-net" })
        {
            Assert.Null(Score(slug, ComponentIds.RevenueMomentum));
            Assert.NotEmpty(seed.Component(slug, ComponentIds.RevenueMomentum).Missing);
        }
    }

    [Fact]
    public void Revenue_price_divergence_uses_the_stated_growth_direction_when_no_growth_figure_exists()
    {
        // helium: P = 1 + (−0.7855) = 0.2145; revenue "continues to grow" without a figure → R = 1;
        // 100 × min(0.2145 / 1, 1 / 0.2145) = 21.45
        Assert.Equal(21.45m, Score("helium", ComponentIds.RevenuePriceDivergence));
        // akash: P = 1 − 0.4202 = 0.5798 → 57.98
        Assert.Equal(57.98m, Score("akash", ComponentIds.RevenuePriceDivergence));
        var helium = seed.Component("helium", ComponentIds.RevenuePriceDivergence);
        Assert.True(helium.FromLabel);
        Assert.Equal((Coverage.Partial, RevenuePriceDivergence.DirectionFormula), (helium.Coverage, helium.FormulaId));
        // hivemapper, filecoin, render have a price change but no revenue growth; aethir has growth but no price.
        foreach (var slug in new[] { "hivemapper", "filecoin", "render", "aethir", "io-net" })
            Assert.Null(Score(slug, ComponentIds.RevenuePriceDivergence));
        Assert.Equal(["the token's 1-year price change"], seed.Component("aethir", ComponentIds.RevenuePriceDivergence).Missing);
    }

    [Fact]
    public void Valuation_is_missing_for_every_project_because_no_project_market_cap_is_in_the_data()
    {
        foreach (var project in seed.Report.Projects)
        {
            var valuation = project.Components.Single(c => c.Id == ComponentIds.Valuation);
            Assert.Null(valuation.Score);
            Assert.Contains("the project's market capitalisation", valuation.Missing);
        }
    }

    [Fact]
    public void Composites_renormalise_over_the_components_present()
    {
        // helium: (20×70 + 15×50 + 10×75 + 20×66.67 + 15×21.45) / (20+15+10+20+15)
        //       = (1400 + 750 + 750 + 1333.4 + 321.75) / 80 = 4555.15 / 80 = 56.939375 → 56.94
        Assert.Equal((56.94m, 0.8m), (seed.Project("helium").Composite, seed.Project("helium").Coverage));
        // akash: (20×55 + 20×100 + 15×57.98) / 55 = (1100 + 2000 + 869.7) / 55 = 72.17636… → 72.18
        Assert.Equal((72.18m, 0.55m), (seed.Project("akash").Composite, seed.Project("akash").Coverage));
        // hivemapper: (20×25 + 20×100) / 40 = 62.5; filecoin: (20×25 + 20×50) / 40 = 37.5
        Assert.Equal((62.50m, 0.4m), (seed.Project("hivemapper").Composite, seed.Project("hivemapper").Coverage));
        Assert.Equal((37.50m, 0.4m), (seed.Project("filecoin").Composite, seed.Project("filecoin").Coverage));
        // render: (15×100 + 10×100 + 20×100) / 45 = 100
        Assert.Equal((100.00m, 0.45m), (seed.Project("render").Composite, seed.Project("render").Coverage));
        // aethir: (20×100 + 10×68.91) / 30 = 2689.1 / 30 = 89.6366… → 89.64
        Assert.Equal((89.64m, 0.3m), (seed.Project("aethir").Composite, seed.Project("aethir").Coverage));
        // io-net: (15×50 + 20×100) / 35 = 2750 / 35 = 78.5714… → 78.57
        Assert.Equal((78.57m, 0.35m), (seed.Project("io-net").Composite, seed.Project("io-net").Coverage));

        Assert.Equal([ComponentIds.RevenueMomentum, ComponentIds.Valuation], seed.Project("helium").MissingComponents);
        Assert.Equal("(20 × 70.00 + 15 × 50.00 + 10 × 75.00 + 20 × 66.67 + 15 × 21.45) / 80 = 4555.15 / 80 = 56.94",
            seed.Project("helium").CompositeArithmetic);
    }

    [Fact]
    public void Only_composites_covering_half_the_weight_are_ranked()
    {
        // akash 72.18 (coverage 0.55) before helium 56.94 (0.8); the rest cover less than half the weight.
        Assert.Equal(["akash", "helium", "aethir", "filecoin", "hivemapper", "io-net", "render"],
            seed.Report.Projects.Select(p => p.Project));
        Assert.Equal([1, 2, null, null, null, null, null], seed.Report.Projects.Select(p => p.Rank));
        Assert.Equal(1, seed.Project("akash").SectorRank);
        Assert.Equal(1, seed.Project("helium").SectorRank);
        Assert.Null(seed.Project("render").SectorRank);
        Assert.Equal("not ranked: coverage 0.45 is below 0.5", seed.Project("render").RankNote);
    }

    [Fact]
    public void Every_response_carries_the_methodology_version_and_the_data_version()
    {
        Assert.Equal(Methodology.Version, seed.Report.MethodologyVersion);
        Assert.Equal(1, seed.Report.DataVersion);
        Assert.All(seed.Report.Projects, p => Assert.Equal(Methodology.Version, p.MethodologyVersion));
        Assert.Equal(100, seed.Report.Weights.Sum(w => w.Weight));
    }

    [Fact]
    public async Task A_sector_filter_keeps_the_overall_ranks_and_orders_by_sector_rank()
    {
        var compute = await seed.Service.ScreenAsync((DepinApi.ReadModel.AsOf?)null, "compute", CancellationToken.None);
        Assert.Equal(["akash", "aethir", "io-net", "render"], compute.Projects.Select(p => p.Project));
        Assert.Equal(1, compute.Projects[0].Rank);
    }
}
