using DepinApi.Rest.Citations;
using DepinApi.Rest.Models;

namespace DepinApi.Pages;

/// <summary>
/// A figure's page: the same view the JSON permalink serves (<see cref="View"/>: source, quote, basis, qualifier,
/// permalink, citation), the figure in words, its revisions and the series it belongs to.
/// </summary>
public sealed record FigurePageModel(
    PageFrame Frame, FigureStatement Statement, FigureFacts View, QuoteHighlight Quote, bool FigureIsCurrent,
    IReadOnlyList<PageRow> Revisions, ChartRef? Chart, PageTable? Series, string GraphQLQuery, string GraphQLUrl,
    string? ProjectName, string? ProjectUrl, bool StatesNumber = true)
{
    /// <summary>
    /// The qualifier as a reader needs it: the data model's word, or why there is none: the number is stated plainly, or
    /// (a settlement mix the source gives only as a label) there is no number at all.
    /// </summary>
    public string Qualifier => View.Qualifier
        ?? (StatesNumber ? "none: the source states the number plainly" : $"none: the source states no number, only that {Statement.Value}");
}

/// <summary>The fields every figure view has, read from the view itself.</summary>
public sealed record FigureFacts(string Id, string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink, string Citation)
{
    public static FigureFacts Of(RevenueFigureView v) => new(v.Id, v.Basis, v.Qualifier, v.Source, v.Quote, v.Permalink, v.Citation);
    public static FigureFacts Of(TokenPriceView v) => new(v.Id, v.Basis, v.Qualifier, v.Source, v.Quote, v.Permalink.ToString(), v.Citation.ToString());
    public static FigureFacts Of(SettlementMixView v) => new(v.Id, v.Basis, v.Qualifier, v.Source, v.Quote, v.Permalink, v.Citation);
    public static FigureFacts Of(NetworkMetricView v) => new(v.Id, v.Basis, v.Qualifier, v.Source, v.Quote, v.Permalink, v.Citation);
    public static FigureFacts Of(SectorFigureView v) => new(v.Id, v.Basis, v.Qualifier, v.Source, v.Quote, v.Permalink, v.Citation);
}
