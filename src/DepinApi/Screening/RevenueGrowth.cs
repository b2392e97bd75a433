using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// A project's revenue growth from two figures of the same metric: year on year when the metric
/// has a figure four quarters earlier, else quarter on quarter compounded over four quarters.
/// <see cref="AnnualRatio"/> is current ÷ earlier on a yearly footing (1.25 = +25% a year).
/// </summary>
public sealed record RevenueGrowth(
    RevenueFigure Current, RevenueFigure Earlier, bool YearOnYear, decimal PeriodRatio, decimal AnnualRatio)
{
    /// <summary>The metrics compared, in order of preference when two reach the same latest quarter.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
    [
        "quarterly_revenue", "annualized_external_revenue", "annualized_onchain_revenue", "annualized_run_rate",
        "fiscal_year_revenue", "network_fee_revenue", "lease_income", "monthly_volume",
    ];

    /// <summary>
    /// The newest comparison the figures allow: per metric, the latest quarter that has a
    /// comparable earlier figure (with a positive amount); across metrics, the latest such quarter,
    /// then the order of <see cref="Metrics"/>. Null when no metric has two comparable figures.
    /// </summary>
    public static RevenueGrowth? Find(IEnumerable<RevenueFigure> revenue)
    {
        var preferred = RevenueSelection.Preferred(revenue);
        RevenueGrowth? best = null;
        var bestMetricRank = int.MaxValue;
        for (var m = 0; m < Metrics.Count; m++)
        {
            var metric = Metrics[m];
            var quarters = preferred.Keys.Where(k => k.Metric == metric).Select(k => k.Quarter).OrderDescending();
            foreach (var quarter in quarters)
            {
                var growth = Compare(preferred, metric, quarter);
                if (growth is null)
                    continue;
                if (best is null || quarter > best.Current.Quarter || (quarter == best.Current.Quarter && m < bestMetricRank))
                {
                    best = growth;
                    bestMetricRank = m;
                }
                break;
            }
        }
        return best;
    }

    private static RevenueGrowth? Compare(
        IReadOnlyDictionary<(Quarter, string), RevenueFigure> preferred, string metric, Quarter quarter)
    {
        var current = preferred[(quarter, metric)];
        if (preferred.TryGetValue((quarter.AddQuarters(-4), metric), out var yearAgo) && yearAgo.AmountUsd > 0)
        {
            var ratio = current.AmountUsd / yearAgo.AmountUsd;
            return new RevenueGrowth(current, yearAgo, true, ratio, ratio);
        }
        if (preferred.TryGetValue((quarter.Previous, metric), out var previous) && previous.AmountUsd > 0)
        {
            var ratio = current.AmountUsd / previous.AmountUsd;
            return new RevenueGrowth(current, previous, false, ratio, ratio * ratio * ratio * ratio);
        }
        return null;
    }

    /// <summary>The ratio's derivation, for arithmetic strings.</summary>
    public string Describe() => YearOnYear
        ? $"R = {Numbers.Exact(Current.AmountUsd)} / {Numbers.Exact(Earlier.AmountUsd)} ≈ {Numbers.Ratio(AnnualRatio)} (year on year, {Current.Metric} {Current.Quarter} vs {Earlier.Quarter})"
        : $"R = ({Numbers.Exact(Current.AmountUsd)} / {Numbers.Exact(Earlier.AmountUsd)})^4 ≈ {Numbers.Ratio(PeriodRatio)}^4 ≈ {Numbers.Ratio(AnnualRatio)} (quarter on quarter compounded, {Current.Metric} {Current.Quarter} vs {Earlier.Quarter})";

    public IReadOnlyList<ScreeningInput> Inputs() =>
        [Screening.Inputs.Of(Current, "current_revenue"), Screening.Inputs.Of(Earlier, "earlier_revenue")];
}
