using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>
/// A revenue figure as one source states it. <c>value</c> is the figure in the requested
/// <c>units</c> (equal to <c>amountUsd</c> for <c>lin</c>; null when a change has no earlier figure to compare with).
/// <c>preferred</c> marks, when a source states the same project, quarter and metric more than once ("over $500
/// million" and "about $520 million"), the statement to cite: the one <c>/v1/revenue</c> chooses.
/// </summary>
public sealed record RevenueFigureView(
    string Id, string Project, string Quarter, string Metric, decimal AmountUsd, string Units, decimal? Value,
    string Basis, string? Qualifier, bool Preferred, SourceView Source, string Quote, string Permalink, string Citation)
{
    /// <summary>A real figure, for the OpenAPI document.</summary>
    public static RevenueFigureView Example => new("aethir-2025q2-quarterly-revenue", "aethir", "2025Q2", "quarterly_revenue",
        32_700_000m, "lin", 32_700_000m, "disclosed", null, true, SourceView.Example,
        "The quarterly growth trajectory was steep and consistent: $28.5 million in Q1, $32.7 million in Q2 (up 14.5%), and $39.9 million in Q3 (up 22%).",
        "http://127.0.0.1:5080/v1/revenue/aethir-2025q2-quarterly-revenue?asOf=1",
        "Aethir revenue, Q2 2025: $32.7 million (disclosed). Source: BlockEden.xyz, “DePIN's Revenue Reckoning: How Akash, io.net, and Aethir Are Replacing Token Mining with Real Business Cash Flow”, early 2026. http://127.0.0.1:5080/v1/revenue/aethir-2025q2-quarterly-revenue?asOf=1");

    public static CsvColumns<RevenueFigureView> Columns() => new CsvColumns<RevenueFigureView>()
        .Add("id", f => f.Id).Add("project", f => f.Project).Add("quarter", f => f.Quarter).Add("metric", f => f.Metric)
        .Add("amountUsd", f => f.AmountUsd).Add("units", f => f.Units).Add("value", f => f.Value)
        .Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier).Add("preferred", f => f.Preferred)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}

/// <summary>
/// One project's figure for a quarter and metric, with its share of the total over all projects listed. The share is
/// computed by this API: <c>amountUsd</c> / <c>shareOfUsd</c>, the sum of the preferred figures of the projects listed
/// (<c>shareOfProjects</c> of them) — not a share of the whole sector; <c>shareCitation</c> says so in a sentence.
/// </summary>
public sealed record RevenueShareView(
    string Project, string ProjectName, decimal AmountUsd, decimal Share, decimal ShareOfUsd, int ShareOfProjects,
    string ShareCitation, int AlternativeFigures, RevenueFigureView Figure)
{
    public static RevenueShareView Example => new("aethir", "Aethir", 32_700_000m, 1m, 32_700_000m, 1,
        "Computed by this API: Aethir's share of the revenue of the 1 project listed, Q2 2025, is 100.0000% ($32.7 million of $32.7 million, "
        + "the sum of each project's preferred figure); the figure it starts from is cited with it.", 0, RevenueFigureView.Example);

    public static CsvColumns<RevenueShareView> Columns() => new CsvColumns<RevenueShareView>()
        .Add("project", r => r.Project).Add("projectName", r => r.ProjectName).Add("amountUsd", r => r.AmountUsd)
        .Add("share", r => r.Share).Add("shareOfUsd", r => r.ShareOfUsd).Add("shareOfProjects", r => r.ShareOfProjects)
        .Add("shareCitation", r => r.ShareCitation)
        .Add("alternativeFigures", r => r.AlternativeFigures)
        .AddNested("figure", r => r.Figure, RevenueFigureView.Columns());
}
