using DepinApi.Screening;

namespace DepinApi.Tests.Screening;

/// <summary>The formulas on hand-made rows, for the cases the seed data does not reach.</summary>
public class FormulaTests
{
    [Fact]
    public void Momentum_prefers_year_on_year_when_the_metric_has_a_figure_four_quarters_earlier()
    {
        // 2025Q3 $150 vs 2024Q3 $100 → R = 1.5; 100 × 1.5 / 2.5 = 60. The 2025Q2 figure is not used.
        var growth = RevenueGrowth.Find([Rows.Revenue(2024, 3, 100m), Rows.Revenue(2025, 2, 140m), Rows.Revenue(2025, 3, 150m)]);
        Assert.True(growth!.YearOnYear);
        Assert.Equal(60.00m, RevenueMomentum.Score(growth).Score);
    }

    [Fact]
    public void Momentum_compounds_quarter_on_quarter_growth_over_four_quarters()
    {
        // $100 → $110: r = 1.1, R = 1.1^4 = 1.4641; 100 × 1.4641 / 2.4641 = 59.4172… → 59.42
        var score = RevenueMomentum.Score(RevenueGrowth.Find([Rows.Revenue(2025, 1, 100m), Rows.Revenue(2025, 2, 110m)]));
        Assert.Equal(59.42m, score.Score);
        Assert.Equal("R = (110 / 100)^4 ≈ 1.1^4 ≈ 1.4641 (quarter on quarter compounded, quarterly_revenue 2025Q2 vs 2025Q1); 100 × R / (R + 1) = 59.42",
            score.Arithmetic);
    }

    [Fact]
    public void Momentum_uses_the_most_precise_statement_of_a_quarter_and_never_mixes_metrics()
    {
        // Two statements of 2025Q2: "about $120" wins over "over $100"; 120 / 100 = 1.2, R = 1.2^4 = 2.0736;
        // 100 × 2.0736 / 3.0736 = 67.4648… → 67.46
        var growth = RevenueGrowth.Find(
        [
            Rows.Revenue(2025, 1, 100m),
            Rows.Revenue(2025, 2, 100m, qualifier: "over"),
            Rows.Revenue(2025, 2, 120m, qualifier: "about"),
            Rows.Revenue(2025, 3, 999m, metric: "annualized_run_rate"),
        ]);
        Assert.Equal((120m, 100m), (growth!.Current.AmountUsd, growth.Earlier.AmountUsd));
        Assert.Equal(67.46m, RevenueMomentum.Score(growth).Score);
    }

    [Fact]
    public void Divergence_is_one_when_price_and_revenue_move_alike_and_falls_either_way_they_part()
    {
        // Revenue 100 → 150 year on year (R = 1.5)
        IReadOnlyList<DepinApi.ReadModel.RevenueFigure> revenue = [Rows.Revenue(2024, 2, 100m), Rows.Revenue(2025, 2, 150m)];
        var growth = RevenueGrowth.Find(revenue);
        // price +50%: P = 1.5 → 100
        Assert.Equal(100.00m, RevenuePriceDivergence.Score(growth, [], [Rows.Change(0.5m)]).Score);
        // price −40%: P = 0.6 → 100 × 0.6 / 1.5 = 40
        Assert.Equal(40.00m, RevenuePriceDivergence.Score(growth, [], [Rows.Change(-0.4m)]).Score);
        // price +200%: P = 3 → 100 × 1.5 / 3 = 50
        Assert.Equal(50.00m, RevenuePriceDivergence.Score(growth, [], [Rows.Change(2m)]).Score);
        // token gone (−100%): 0
        Assert.Equal(0.00m, RevenuePriceDivergence.Score(growth, [], [Rows.Change(-1m)]).Score);
        // a figure wins over a stated direction
        var both = RevenuePriceDivergence.Score(growth, [Rows.Claim(EvidenceKinds.RevenueTrend, EvidenceKinds.Growing)], [Rows.Change(-0.4m)]);
        Assert.Equal((RevenuePriceDivergence.Formula, false), (both.FormulaId, both.FromLabel));
    }

    [Fact]
    public void Valuation_scores_50_at_the_reference_multiple()
    {
        // cap $1,000 / annual revenue $100 = 10x → 100 × 10 / (10 + 10) = 50
        var atReference = Valuation.Score([Rows.Revenue(2026, 2, 100m, metric: "annualized_external_revenue")], [Rows.MarketCap(1000m)]);
        Assert.Equal(50.00m, atReference.Score);
        // quarterly revenue $25 is annualised ×4 = $100; cap $3,000 → 30x → 100 × 10 / 40 = 25
        var quarterly = Valuation.Score([Rows.Revenue(2026, 2, 25m)], [Rows.MarketCap(3000m)]);
        Assert.Equal(25.00m, quarterly.Score);
        Assert.Equal("M = 3000 / (25 × 4) ≈ 30; 100 × 10 / (10 + M) = 25.00", quarterly.Arithmetic);
        // no market cap → missing, not 0
        var missing = Valuation.Score([Rows.Revenue(2026, 2, 25m)], []);
        Assert.Null(missing.Score);
        Assert.Equal(Coverage.None, missing.Coverage);
    }

    [Fact]
    public void Settlement_uses_the_newest_statement_and_documents_its_fallbacks()
    {
        // The newer label wins over an older share.
        var newer = SettlementQuality.Score([Rows.Stable(0.9m, asOf: new DateOnly(2025, 1, 1)), Rows.Label("mainly_stablecoin")]);
        Assert.Equal((75.00m, true), (newer.Score, newer.FromLabel));
        // On the same date a share wins over a label.
        Assert.Equal(90.00m, SettlementQuality.Score([Rows.Stable(0.9m), Rows.Label("mainly_native")]).Score);
        // Only a native share: 100 × (1 − 0.3) = 70, partial.
        var native = SettlementQuality.Score([Rows.Native(0.3m)]);
        Assert.Equal((70.00m, Coverage.Partial, SettlementQuality.NativeComplementFormula), (native.Score, native.Coverage, native.FormulaId));
        Assert.Null(SettlementQuality.Score([]).Score);
    }

    [Fact]
    public void A_project_with_no_input_at_all_has_no_composite_and_is_not_ranked()
    {
        var ranked = ScreeningCalculator.ScreenAll([Rows.Data("empty")]);
        var only = Assert.Single(ranked);
        Assert.Null(only.Composite);
        Assert.Equal(0m, only.Coverage);
        Assert.Null(only.Rank);
        Assert.Equal("not ranked: no component could be scored", only.RankNote);
        Assert.Equal(7, only.MissingComponents.Count);
    }

    [Fact]
    public void Equal_composites_share_a_rank_and_the_next_rank_is_skipped()
    {
        // Settlement 0.8 + external demand independent_of_token → (20×80 + 20×100)/40 = 90, coverage 0.4 < 0.5 → add burn linkage
        // to reach 0.5: (20×80 + 10×100 + 20×100) / 50 = 92 for "a" and "b"; "c" with 0.6 → (1200 + 1000 + 2000) / 50 = 84.
        ProjectScreeningData Make(string slug, decimal share) => Rows.Data(slug,
            settlement: [Rows.Stable(share)],
            evidence: [Rows.Claim(EvidenceKinds.ExternalDemand, "independent_of_token", "e"), Rows.Claim(EvidenceKinds.BurnLinkage, "burn_and_mint", "b")]);
        var ranked = ScreeningCalculator.ScreenAll([Make("c", 0.6m), Make("b", 0.8m), Make("a", 0.8m)]);
        Assert.Equal(["a", "b", "c"], ranked.Select(r => r.Project));
        Assert.Equal([92.00m, 92.00m, 84.00m], ranked.Select(r => r.Composite!.Value));
        Assert.Equal([1, 1, 3], ranked.Select(r => r.Rank));
        Assert.Equal("tied with b", ranked[0].RankNote);
        Assert.Equal("tied with a", ranked[1].RankNote);
    }
}
