using DepinApi.ReadModel;
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

    /// <summary>The card says what the figure's citation says (<see cref="Citation.NetworkMetricStatement"/>): "more than 440,000", "as reported in early 2026".</summary>
    public static FigureCard NetworkMetric(NetworkMetric f, string projectName, string footer) =>
        Card(Citation.NetworkMetricStatement(f, projectName), SourceView.Of(f.Source), footer);

    public static FigureCard SectorFigure(SectorFigure f, string footer) =>
        Card(Citation.SectorFigureStatement(f), SourceView.Of(f.Source), footer);

    private static FigureCard Card(FigureStatement statement, SourceView source, string footer) =>
        Card(statement.Subject, statement.Value, statement.Period, statement.Basis, source, footer);

    private static FigureCard Card(string subject, string number, string period, string basis, SourceView source, string footer) => new(
        subject, number, $"{period} · {basis}", $"Source: {source.Publisher}, {source.PublishedLabel}", $"“{source.Title}”", footer);

    private static string Change(TokenPriceView f)
    {
        var (change, span) = f.Change1y is { } y ? (y, "a year") : f.Change90d is { } q ? (q, "90 days") : (f.Change30d ?? 0, "30 days");
        return $"{CitationText.Change(change, f.Qualifier, f.Quote)} over {span}";
    }
}
