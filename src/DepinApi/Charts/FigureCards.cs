using DepinApi.Rest.Citations;
using DepinApi.Rest.Models;

namespace DepinApi.Charts;

/// <summary>
/// The preview card of each kind of figure: the number with the qualifier its source uses ("about $520 million"), its
/// period and basis, and the source's publisher, date and title, worded as the figure's citation words them.
/// </summary>
public static class FigureCards
{
    public static FigureCard Revenue(RevenueFigureView f, string projectName, string footer) => Card(
        $"{projectName} {CitationText.Metric(f.Metric)}",
        CitationText.Qualified(f.Qualifier, CitationText.Money(f.AmountUsd), f.Quote),
        CitationText.RevenuePeriod(f.Metric, f.Quarter), f.Basis, f.Source, footer);

    public static FigureCard TokenPrice(TokenPriceView f, string projectName, string footer)
    {
        var number = f.PriceUsd is { } price
            ? CitationText.Qualified(f.Qualifier, CitationText.Money(price), f.Quote)
            : Change(f);
        return Card($"{projectName} ({f.TokenSymbol}) token price", number, CitationText.Day(f.Date, f.Source.PublishedOn), f.Basis, f.Source, footer);
    }

    public static FigureCard SettlementMix(SettlementMixView f, string projectName, string footer)
    {
        var number = f.StablecoinShare is { } stable
            ? $"{CitationText.Qualified(f.Qualifier, CitationText.Percent(stable), f.Quote)} in stablecoins"
            : f.NativeShare is { } native
                ? $"{CitationText.Qualified(f.Qualifier, CitationText.Percent(native), f.Quote)} in the native token"
                : (f.Label ?? "no share stated").Replace('_', ' ');
        return Card($"{projectName}: settlement of fees", number, CitationText.Day(f.Date, f.Source.PublishedOn), f.Basis, f.Source, footer);
    }

    public static FigureCard NetworkMetric(NetworkMetricView f, string projectName, string footer) => Card(
        $"{projectName}: {CitationText.Metric(f.Metric)}", Value(f.Value, f.ValueMax, f.Unit, f.Qualifier, f.Quote),
        CitationText.Period(f.Period), f.Basis, f.Source, footer);

    public static FigureCard SectorFigure(SectorFigureView f, string footer) => Card(
        $"{(f.Scope == "depin" ? "DePIN" : "DePIN compute")}: {CitationText.Metric(f.Metric)}",
        Value(f.Value, f.ValueMax, f.Unit, f.Qualifier, f.Quote), CitationText.Period(f.Period), f.Basis, f.Source, footer);

    private static FigureCard Card(string subject, string number, string period, string basis, SourceView source, string footer) => new(
        subject, number, $"{period} · {basis}", $"Source: {source.Publisher}, {source.PublishedLabel}", $"“{source.Title}”", footer);

    private static string Value(decimal value, decimal? max, string unit, string? qualifier, string quote)
    {
        var format = ChartUnit.Of(unit);
        var text = max is { } high ? $"{format.Full(value)} to {format.Full(high)}" : format.Full(value);
        return CitationText.Qualified(qualifier, unit is "usd" or "fraction" || max is not null ? text : $"{text} {UnitWord(unit)}".TrimEnd(), quote);
    }

    private static string UnitWord(string unit) => unit is "count" ? "" : unit == "gpus" ? "GPUs" : unit;

    private static string Change(TokenPriceView f)
    {
        var (change, span) = f.Change1y is { } y ? (y, "a year") : f.Change90d is { } q ? (q, "90 days") : (f.Change30d ?? 0, "30 days");
        return $"{CitationText.Change(change, f.Qualifier, f.Quote)} over {span}";
    }
}
