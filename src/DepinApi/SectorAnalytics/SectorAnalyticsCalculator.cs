using System.Globalization;
using DepinApi.Database;
using DepinApi.ReadModel;
using DepinApi.Screening;

namespace DepinApi.SectorAnalytics;

/// <summary>Sector analytics from loaded rows: pure and deterministic (decimal arithmetic, fixed rounding).</summary>
public static class SectorAnalyticsCalculator
{
    public const int ShareDecimals = 6;
    public const int HhiDecimals = 2;
    public const int PriceDecimals = 8;
    public const int MultipleDecimals = 2;

    /// <summary>The sector_figures scope whose stated figures describe a sector; null (all projects) is "depin".</summary>
    public static string? ScopeOf(string? sector) => sector switch
    {
        null => "depin",
        "compute" => "depin_compute",
        _ => null,
    };

    private static readonly string[] MarketCapMetrics = ["circulating_market_cap", "market_cap"];
    private static readonly string[] SectorRevenueMetrics =
        ["onchain_revenue", "annualized_external_revenue", "annualized_onchain_revenue", "revenue"];

    public static SectorAnalyticsReport Compute(SectorAnalyticsData data, DataVersionInfo version, Quarter? quarter, string? metric) =>
        new(Methodology.Version, version.Id, version.ImportedAt, data.Sector, data.Scope,
            Concentration(data, quarter, metric), ImpliedPrices(data), Multiples(data));

    /// <summary>One entry per (quarter, metric) that some project has, newest quarter first, then metric name.</summary>
    public static IReadOnlyList<RevenueConcentration> Concentration(SectorAnalyticsData data, Quarter? quarter, string? metric)
    {
        var names = data.Projects.ToDictionary(p => p.Slug, p => p.Name, StringComparer.Ordinal);
        var preferred = data.Revenue
            .Where(r => names.ContainsKey(r.Project))
            .Where(r => quarter is null || r.Quarter == quarter)
            .Where(r => metric is null || r.Metric == metric)
            .GroupBy(r => r.Project)
            .SelectMany(g => RevenueSelection.Preferred(g).Values);
        return preferred
            .GroupBy(r => (r.Quarter, r.Metric))
            .OrderByDescending(g => g.Key.Quarter)
            .ThenBy(g => g.Key.Metric, StringComparer.Ordinal)
            .Select(g => Concentrate(g.Key.Quarter, g.Key.Metric, g.ToList(), names, data))
            .ToList();
    }

    private static RevenueConcentration Concentrate(Quarter quarter, string metric, List<RevenueFigure> figures,
        IReadOnlyDictionary<string, string> names, SectorAnalyticsData data)
    {
        var total = figures.Sum(f => f.AmountUsd);
        var ordered = figures.OrderByDescending(f => f.AmountUsd).ThenBy(f => f.Project, StringComparer.Ordinal).ToList();
        var shares = ordered
            .Select(f => new ProjectShare(f.Project, names[f.Project], f.AmountUsd,
                total == 0m ? null : RoundShare(f.AmountUsd / total), f.Id, f.Basis, f.Qualifier, f.Source, f.Quote))
            .ToList();
        decimal? top3 = null, hhi = null;
        if (total != 0m)
        {
            // Both from the unrounded shares, rounded once.
            top3 = RoundShare(ordered.Take(3).Sum(f => f.AmountUsd) / total);
            hhi = Math.Round(10_000m * ordered.Sum(f => f.AmountUsd / total * (f.AmountUsd / total)), HhiDecimals,
                MidpointRounding.AwayFromZero);
        }
        var period = quarter.ToString();
        var statedTotal = Stated(data, period, [metric]);
        var statedTop3 = Stated(data, period, ["top3_share_of_" + metric, "top3_share_of_" + metric.Replace("annualized_", "", StringComparison.Ordinal)]);
        return new RevenueConcentration(period, metric, total, figures.Count, shares, top3, hhi, statedTotal,
            statedTotal is null ? null : total - statedTotal.Value, statedTop3);
    }

    private static StatedFigure? Stated(SectorAnalyticsData data, string period, IReadOnlyList<string> metrics)
    {
        foreach (var metric in metrics)
        {
            var row = data.SectorFigures
                .Where(f => f.Period == period && f.Metric == metric)
                .OrderBy(f => RevenuePrecision.QualifierRank(f.Qualifier))
                .ThenBy(f => f.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (row is not null)
                return ToStated(row);
        }
        return null;
    }

    /// <summary>Per project, the newest row that states both a price and its 1-year change.</summary>
    public static IReadOnlyList<ImpliedYearEarlierPrice> ImpliedPrices(SectorAnalyticsData data)
    {
        var inScope = data.Projects.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        return data.Prices
            .Where(p => inScope.Contains(p.Project) && p.PriceUsd is not null && p.Change1y is not null)
            .GroupBy(p => p.Project)
            .Select(g => g.OrderByDescending(p => p.Date)
                .ThenBy(p => p.Qualifier is null ? 0 : 1)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .First())
            .OrderBy(p => p.Project, StringComparer.Ordinal)
            .Select(Implied)
            .ToList();
    }

    public static ImpliedYearEarlierPrice Implied(TokenPrice row)
    {
        var price = row.PriceUsd!.Value;
        var change = row.Change1y!.Value;
        var divisor = 1m + change;
        decimal? implied = divisor <= 0m ? null : Math.Round(price / divisor, PriceDecimals, MidpointRounding.AwayFromZero);
        var arithmetic = implied is null
            ? $"{Numbers.Exact(price)} / (1 + ({Numbers.Exact(change)})) is undefined: a fall of 100% fits any earlier price"
            : $"{Numbers.Exact(price)} / (1 + ({Numbers.Exact(change)})) = {Numbers.Exact(price)} / {Numbers.Exact(divisor)} = {Numbers.Exact(implied.Value)}";
        return new ImpliedYearEarlierPrice(row.Project, row.TokenSymbol, row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            price, change, implied, arithmetic, row.Id, row.Source, row.Quote);
    }

    /// <summary>Market cap ÷ revenue for each period in which the scope states both.</summary>
    public static IReadOnlyList<SectorRevenueMultiple> Multiples(SectorAnalyticsData data)
    {
        var result = new List<SectorRevenueMultiple>();
        var caps = data.SectorFigures
            .Where(f => f.Unit == "usd" && MarketCapMetrics.Contains(f.Metric))
            .GroupBy(f => (f.Scope, f.Period))
            .Select(g => g.OrderBy(f => f.Id, StringComparer.Ordinal).First())
            .OrderByDescending(f => f.PeriodEnd)
            .ThenBy(f => f.Scope, StringComparer.Ordinal);
        foreach (var cap in caps)
        {
            var revenue = SectorRevenueMetrics
                .Select(m => data.SectorFigures
                    .Where(f => f.Scope == cap.Scope && f.Period == cap.Period && f.Metric == m && f.Unit == "usd")
                    .OrderBy(f => f.Id, StringComparer.Ordinal)
                    .FirstOrDefault())
                .FirstOrDefault(f => f is not null);
            if (revenue is null)
                continue;
            decimal? multiple = revenue.Value == 0m
                ? null
                : Math.Round(cap.Value / revenue.Value, MultipleDecimals, MidpointRounding.AwayFromZero);
            var arithmetic = multiple is null
                ? "revenue is 0: no multiple"
                : $"{Numbers.Exact(cap.Value)} / {Numbers.Exact(revenue.Value)} = {Numbers.Score(multiple.Value)}";
            result.Add(new SectorRevenueMultiple(cap.Scope, cap.Period, cap.Value, revenue.Value, revenue.Metric, multiple,
                arithmetic, ToStated(cap), ToStated(revenue)));
        }
        return result;
    }

    private static decimal RoundShare(decimal share) => Math.Round(share, ShareDecimals, MidpointRounding.AwayFromZero);

    private static StatedFigure ToStated(SectorFigure f) =>
        new(f.Id, f.Scope, f.Period, f.Metric, f.Value, f.Unit, f.Basis, f.Qualifier, f.Source, f.Quote);
}
