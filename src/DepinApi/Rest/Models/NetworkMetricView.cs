using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A project figure that is not dollar revenue (clients, nodes, utilization …); a range has <c>valueMax</c>.</summary>
public sealed record NetworkMetricView(
    string Id, string Project, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, string Metric, decimal Value,
    decimal? ValueMax, string Unit, string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink,
    string Citation)
{
    /// <summary>A real figure, for the OpenAPI document.</summary>
    public static NetworkMetricView Example => new("aethir-2026-active-compute-clients", "aethir", "2026", new DateOnly(2026, 1, 1),
        new DateOnly(2026, 12, 31), "active_compute_clients", 150m, null, "count", "disclosed", "over", SourceView.Example,
        "The revenue is driven by over 150 active compute clients spanning AI training, Web3 infrastructure, and cloud gaming — not token farming.",
        "http://127.0.0.1:5080/v1/metrics/aethir-2026-active-compute-clients?asOf=1",
        "Aethir active compute clients, as reported in early 2026: over 150 (disclosed). Source: BlockEden.xyz, “DePIN's Revenue Reckoning: How Akash, io.net, and Aethir Are Replacing Token Mining with Real Business Cash Flow”, early 2026. http://127.0.0.1:5080/v1/metrics/aethir-2026-active-compute-clients?asOf=1");

    public static CsvColumns<NetworkMetricView> Columns() => new CsvColumns<NetworkMetricView>()
        .Add("id", f => f.Id).Add("project", f => f.Project).Add("period", f => f.Period)
        .Add("periodStart", f => f.PeriodStart).Add("periodEnd", f => f.PeriodEnd).Add("metric", f => f.Metric)
        .Add("value", f => f.Value).Add("valueMax", f => f.ValueMax).Add("unit", f => f.Unit)
        .Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}
