using DepinApi.ReadModel;

namespace DepinApi.Rest.Citations;

/// <summary>
/// Ready-to-paste citation sentences, one per kind of figure, e.g. "Aethir revenue, Q2 2025:
/// $32.7 million (disclosed). Source: BlockEden.xyz, “…”, early 2026. https://…/v1/revenue/…?asOf=1".
/// </summary>
public static class Citation
{
    public static string Revenue(RevenueFigure f, string projectName, string permalink)
    {
        var period = f.Metric == "fiscal_year_revenue" ? $"full year {f.Quarter.Year}" : CitationText.Quarter(f.Quarter);
        return Sentence($"{projectName} {CitationText.Metric(f.Metric)}, {period}: {CitationText.Qualifier(f.Qualifier)}{CitationText.Money(f.AmountUsd)}",
            f.Basis, f.Source, permalink);
    }

    public static string SettlementMix(SettlementMix f, string projectName, string permalink)
    {
        var parts = new List<string>();
        if (f.StablecoinShare is { } stable)
            parts.Add($"{CitationText.Qualifier(f.Qualifier)}{CitationText.Percent(stable)} of fees settled in stablecoins");
        if (f.NativeShare is { } native)
            parts.Add($"{(parts.Count == 0 ? CitationText.Qualifier(f.Qualifier) : "")}{CitationText.Percent(native)} in the native token");
        if (parts.Count == 0)
            parts.Add(f.Label == "mainly_stablecoin" ? "fees mainly settled in stablecoins" : "fees mainly settled in the native token");
        return Sentence($"{projectName} settlement mix, {CitationText.Date(f.AsOf)}: {string.Join(", ", parts)}",
            f.Basis, f.Source, permalink);
    }

    public static string TokenPrice(TokenPrice f, string projectName, string permalink)
    {
        var qualifier = CitationText.Qualifier(f.Qualifier);
        var parts = new List<string>();
        if (f.PriceUsd is { } price)
            parts.Add($"{qualifier}{CitationText.Money(price)}");
        if (f.Change30d is { } c30)
            parts.Add($"30-day change {qualifier}{CitationText.Percent(c30, showPlus: true)}");
        if (f.Change90d is { } c90)
            parts.Add($"90-day change {qualifier}{CitationText.Percent(c90, showPlus: true)}");
        if (f.Change1y is { } c1y)
            parts.Add($"1-year change {qualifier}{CitationText.Percent(c1y, showPlus: true)}");
        return Sentence($"{projectName} ({f.TokenSymbol}) token price, {CitationText.Date(f.Date)}: {string.Join("; ", parts)}",
            "disclosed", f.Source, permalink);
    }

    public static string NetworkMetric(NetworkMetric f, string projectName, string permalink) =>
        Sentence($"{projectName} {CitationText.Metric(f.Metric)}, {CitationText.Period(f.Period)}: {Measured(f.Value, f.ValueMax, f.Unit, f.Qualifier)}",
            f.Basis, f.Source, permalink);

    public static string SectorFigure(SectorFigure f, string permalink)
    {
        var scope = f.Scope == "depin_compute" ? "DePIN compute networks" : "DePIN";
        return Sentence($"{scope} {CitationText.Metric(f.Metric)}, {CitationText.Period(f.Period)}: {Measured(f.Value, f.ValueMax, f.Unit, f.Qualifier)}",
            f.Basis, f.Source, permalink);
    }

    private static string Measured(decimal value, decimal? max, string unit, string? qualifier)
    {
        var text = max is { } upper ? $"{Unit(value, unit)} to {Unit(upper, unit)}" : Unit(value, unit);
        return CitationText.Qualifier(qualifier) + text;
    }

    private static string Unit(decimal value, string unit) => unit switch
    {
        "usd" => CitationText.Money(value),
        "fraction" => CitationText.Percent(value),
        "tokens" => CitationText.Number(value) + " tokens",
        "hours" => CitationText.Number(value) + " hours",
        "gpus" => CitationText.Number(value) + " GPUs",
        _ => CitationText.Number(value),
    };

    private static string Sentence(string statement, string basis, Source source, string permalink) =>
        $"{statement} ({basis}). {CitationText.SourceSentence(source)} {permalink}";
}
