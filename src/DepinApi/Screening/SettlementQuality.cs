using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// Settlement quality: the share of fees settled in stablecoins, 0–100. Revenue settled in the
/// network's own token shrinks with the token; revenue settled in dollars does not.
/// </summary>
public static class SettlementQuality
{
    public const string ShareFormula = "settlement_quality.share/1";
    public const string NativeComplementFormula = "settlement_quality.native_complement/1";
    public const string LabelBandFormula = "settlement_quality.label_band/1";

    /// <summary>
    /// The bands a qualitative label stands for: the stablecoin share the label allows, and the
    /// point of the band that is scored (its midpoint).
    /// </summary>
    public static IReadOnlyDictionary<string, (decimal Low, decimal High, decimal Scored)> LabelBands { get; } =
        new Dictionary<string, (decimal, decimal, decimal)>
        {
            // "mainly native": more than half the fees in the native token, so a stablecoin share below 0.5.
            ["mainly_native"] = (0m, 0.5m, 0.25m),
            ["mainly_stablecoin"] = (0.5m, 1m, 0.75m),
        };

    /// <summary>
    /// Scores the newest statement (latest as-of date). On one date a stated stablecoin share is
    /// preferred to a native share, and either to a label; then the smallest id.
    /// </summary>
    public static ComponentScore Score(IReadOnlyList<SettlementMix> rows)
    {
        var row = rows
            .Where(r => r.StablecoinShare is not null || r.NativeShare is not null || (r.Label is { } l && LabelBands.ContainsKey(l)))
            .OrderByDescending(r => r.AsOf)
            .ThenBy(r => r.StablecoinShare is not null ? 0 : r.NativeShare is not null ? 1 : 2)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (row is null)
            return Components.Missing(ComponentIds.SettlementQuality, ShareFormula, ["settlement mix (stablecoin share or label)"]);

        if (row.StablecoinShare is { } share)
            return Components.Scored(ComponentIds.SettlementQuality, 100m * share, ShareFormula, Coverage.Full, false,
                score => $"100 × {Numbers.Exact(share)} = {Numbers.Score(score)}",
                [Inputs.Of(row, "stablecoin_share", share, null)]);

        if (row.NativeShare is { } native)
            return Components.Scored(ComponentIds.SettlementQuality, 100m * (1m - native), NativeComplementFormula, Coverage.Partial,
                false, score => $"100 × (1 − {Numbers.Exact(native)}) = {Numbers.Score(score)} (upper bound: the rest may settle in other assets)",
                [Inputs.Of(row, "native_share", native, null)]);

        var band = LabelBands[row.Label!];
        return Components.Scored(ComponentIds.SettlementQuality, 100m * band.Scored, LabelBandFormula, Coverage.Partial, true,
            score => $"label '{row.Label}' = stablecoin share band {Numbers.Exact(band.Low)}–{Numbers.Exact(band.High)}, " +
                     $"midpoint {Numbers.Exact(band.Scored)}; 100 × {Numbers.Exact(band.Scored)} = {Numbers.Score(score)} (from label)",
            [Inputs.Of(row, "settlement_label", null, row.Label)]);
    }
}
