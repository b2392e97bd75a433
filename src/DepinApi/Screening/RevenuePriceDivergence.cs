using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// Revenue–price divergence: does the token's price follow the network's revenue? With P = 1 +
/// the token's 1-year change and R the annual revenue ratio, the score is 100 × min(P / R, R / P):
/// 100 when price and revenue moved alike, lower as they part ("revenue moves right, price moves
/// left"), whichever way they part.
/// </summary>
public static class RevenuePriceDivergence
{
    public const string Formula = "revenue_price_divergence.ratio/1";
    public const string DirectionFormula = "revenue_price_divergence.direction/1";

    public static ComponentScore Score(RevenueGrowth? growth, IReadOnlyList<Evidence> evidence, IReadOnlyList<TokenPrice> prices)
    {
        var price = LatestYearChange(prices);
        var trend = evidence
            .Where(e => e.Kind == EvidenceKinds.RevenueTrend && e.Label == EvidenceKinds.Growing)
            .OrderByDescending(e => e.PeriodEnd)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .FirstOrDefault();

        var missing = new List<string>();
        if (price is null)
            missing.Add("the token's 1-year price change");
        if (growth is null && trend is null)
            missing.Add("revenue growth (two figures of the same metric, or a stated growth direction)");
        if (price is null || (growth is null && trend is null))
            return Components.Missing(ComponentIds.RevenuePriceDivergence, Formula, missing);

        var change = price.Change1y!.Value;
        var p = 1m + change;
        var priceInput = Inputs.Of(price, "price_change_1y", change);
        if (growth is not null)
        {
            var r = growth.AnnualRatio;
            return Components.Scored(ComponentIds.RevenuePriceDivergence, Raw(p, r), Formula, Coverage.Full, false,
                score => $"P = 1 + ({Numbers.Exact(change)}) = {Numbers.Exact(p)}; {growth.Describe()}; " +
                         $"100 × min(P / R, R / P) = {Numbers.Score(score)}",
                [priceInput, .. growth.Inputs()]);
        }

        // A source says revenue grows but gives no figure: R is taken as 1, the least growth the statement allows.
        return Components.Scored(ComponentIds.RevenuePriceDivergence, Raw(p, 1m), DirectionFormula, Coverage.Partial, true,
            score => $"P = 1 + ({Numbers.Exact(change)}) = {Numbers.Exact(p)}; revenue stated as growing without a figure, " +
                     $"R = 1; 100 × min(P / 1, 1 / P) = {Numbers.Score(score)} (from label)",
            [priceInput, Inputs.Of(trend!)]);
    }

    /// <summary>The unrounded score; 0 when either ratio is 0 (a token or a revenue gone to nothing).</summary>
    public static decimal Raw(decimal priceRatio, decimal revenueRatio) =>
        priceRatio <= 0m || revenueRatio <= 0m
            ? 0m
            : 100m * Math.Min(priceRatio / revenueRatio, revenueRatio / priceRatio);

    /// <summary>
    /// The newest statement of the token's 1-year change: latest date, then an exact figure over a
    /// qualified one, then a row that also states the price, then the smallest id.
    /// </summary>
    public static TokenPrice? LatestYearChange(IEnumerable<TokenPrice> prices) => prices
        .Where(p => p.Change1y is not null)
        .OrderByDescending(p => p.Date)
        .ThenBy(p => p.Qualifier is null ? 0 : 1)
        .ThenBy(p => p.PriceUsd is not null ? 0 : 1)
        .ThenBy(p => p.Id, StringComparer.Ordinal)
        .FirstOrDefault();
}
