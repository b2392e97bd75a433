namespace DepinApi.Screening;

/// <summary>
/// Revenue momentum: 100 × R / (R + 1), R the annual revenue ratio of <see cref="RevenueGrowth"/>.
/// Flat revenue (R = 1) scores 50, doubling (R = 2) 66.67, halving (R = 0.5) 33.33; the score
/// rises with R and stays within 0–100 without a cap.
/// </summary>
public static class RevenueMomentum
{
    public const string Formula = "revenue_momentum.ratio/1";

    public static ComponentScore Score(RevenueGrowth? growth)
    {
        if (growth is null)
            return Components.Missing(ComponentIds.RevenueMomentum, Formula,
                ["two revenue figures of the same metric, one or four quarters apart"]);
        var r = growth.AnnualRatio;
        return Components.Scored(ComponentIds.RevenueMomentum, Raw(r), Formula, Coverage.Full, false,
            score => $"{growth.Describe()}; 100 × R / (R + 1) = {Numbers.Score(score)}",
            growth.Inputs());
    }

    /// <summary>The unrounded score for an annual ratio.</summary>
    public static decimal Raw(decimal annualRatio) => 100m * annualRatio / (annualRatio + 1m);
}
