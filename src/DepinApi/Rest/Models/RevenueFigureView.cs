using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>
/// A revenue figure as one source states it. <c>value</c> is the figure in the requested
/// <c>units</c> (equal to <c>amountUsd</c> for <c>lin</c>; null when a change has no earlier figure to compare with).
/// </summary>
public sealed record RevenueFigureView(
    string Id, string Project, string Quarter, string Metric, decimal AmountUsd, string Units, decimal? Value,
    string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink, string Citation)
{
    public static CsvColumns<RevenueFigureView> Columns() => new CsvColumns<RevenueFigureView>()
        .Add("id", f => f.Id).Add("project", f => f.Project).Add("quarter", f => f.Quarter).Add("metric", f => f.Metric)
        .Add("amountUsd", f => f.AmountUsd).Add("units", f => f.Units).Add("value", f => f.Value)
        .Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}

/// <summary>One project's figure for a quarter and metric, with its share of the total over all projects listed.</summary>
public sealed record RevenueShareView(
    string Project, string ProjectName, decimal AmountUsd, decimal Share, int AlternativeFigures, RevenueFigureView Figure)
{
    public static CsvColumns<RevenueShareView> Columns() => new CsvColumns<RevenueShareView>()
        .Add("project", r => r.Project).Add("projectName", r => r.ProjectName).Add("amountUsd", r => r.AmountUsd)
        .Add("share", r => r.Share).Add("alternativeFigures", r => r.AlternativeFigures)
        .AddNested("figure", r => r.Figure, RevenueFigureView.Columns());
}
