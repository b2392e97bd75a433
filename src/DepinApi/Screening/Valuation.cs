using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// Valuation: the price-to-revenue multiple M = market cap ÷ annual revenue, scored
/// 100 × k / (k + M) with k = <see cref="Methodology.ValuationReferenceMultiple"/>: a cheaper
/// token scores higher, M = k scores 50, and the score never reaches 0 or 100.
/// </summary>
public static class Valuation
{
    public const string Formula = "valuation.price_to_revenue/1";

    /// <summary>Network metrics that give a project's market capitalisation in dollars.</summary>
    public static IReadOnlyList<string> MarketCapMetrics { get; } = ["circulating_market_cap", "market_cap"];

    /// <summary>Revenue metrics on a yearly footing and the factor that makes them yearly, in order of preference.</summary>
    public static IReadOnlyList<(string Metric, decimal ToAnnual)> AnnualRevenueMetrics { get; } =
    [
        ("annualized_external_revenue", 1m), ("annualized_onchain_revenue", 1m), ("annualized_run_rate", 1m),
        ("fiscal_year_revenue", 1m), ("quarterly_revenue", 4m),
    ];

    public static ComponentScore Score(IReadOnlyList<RevenueFigure> revenue, IReadOnlyList<NetworkMetric> metrics)
    {
        var cap = metrics
            .Where(m => m.Unit == "usd" && MarketCapMetrics.Contains(m.Metric))
            .OrderByDescending(m => m.PeriodEnd)
            .ThenBy(m => RevenuePrecision.QualifierRank(m.Qualifier))
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        var annual = LatestAnnualRevenue(revenue);

        var missing = new List<string>();
        if (cap is null)
            missing.Add("the project's market capitalisation");
        if (annual is null)
            missing.Add("an annual revenue figure");
        if (cap is null || annual is null)
            return Components.Missing(ComponentIds.Valuation, Formula, missing);

        var (figure, factor) = annual.Value;
        var yearly = figure.AmountUsd * factor;
        var k = Methodology.ValuationReferenceMultiple;
        var inputs = new[] { Inputs.Of(cap, "market_cap"), Inputs.Of(figure, "annual_revenue") };
        if (yearly <= 0m)
            return Components.Scored(ComponentIds.Valuation, 0m, Formula, Coverage.Full, false,
                _ => "annual revenue is 0: the multiple is unbounded, score 0.00", inputs);
        var multiple = cap.Value / yearly;
        var factorText = factor == 1m ? "" : $" × {Numbers.Exact(factor)}";
        return Components.Scored(ComponentIds.Valuation, Raw(multiple), Formula, Coverage.Full, false,
            score => $"M = {Numbers.Exact(cap.Value)} / ({Numbers.Exact(figure.AmountUsd)}{factorText}) ≈ {Numbers.Ratio(multiple)}; " +
                     $"100 × {Numbers.Exact(k)} / ({Numbers.Exact(k)} + M) = {Numbers.Score(score)}",
            inputs);
    }

    /// <summary>The unrounded score for a multiple.</summary>
    public static decimal Raw(decimal multiple) =>
        100m * Methodology.ValuationReferenceMultiple / (Methodology.ValuationReferenceMultiple + multiple);

    /// <summary>The newest annual-footing revenue figure: latest quarter, then the metric order above.</summary>
    public static (RevenueFigure Figure, decimal ToAnnual)? LatestAnnualRevenue(IEnumerable<RevenueFigure> revenue)
    {
        var preferred = RevenueSelection.Preferred(revenue);
        var best = preferred
            .Select(p => (p.Value, Rank: IndexOf(p.Key.Metric)))
            .Where(p => p.Rank >= 0)
            .OrderByDescending(p => p.Value.Quarter)
            .ThenBy(p => p.Rank)
            .Select(p => ((RevenueFigure, decimal)?)(p.Value, AnnualRevenueMetrics[p.Rank].ToAnnual))
            .FirstOrDefault();
        return best;
    }

    private static int IndexOf(string metric)
    {
        for (var i = 0; i < AnnualRevenueMetrics.Count; i++)
            if (AnnualRevenueMetrics[i].Metric == metric)
                return i;
        return -1;
    }
}
