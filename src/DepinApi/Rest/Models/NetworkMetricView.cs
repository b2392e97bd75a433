using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A project figure that is not dollar revenue (clients, nodes, utilization …); a range has <c>valueMax</c>.</summary>
public sealed record NetworkMetricView(
    string Id, string Project, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, string Metric, decimal Value,
    decimal? ValueMax, string Unit, string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink,
    string Citation)
{
    public static CsvColumns<NetworkMetricView> Columns() => new CsvColumns<NetworkMetricView>()
        .Add("id", f => f.Id).Add("project", f => f.Project).Add("period", f => f.Period)
        .Add("periodStart", f => f.PeriodStart).Add("periodEnd", f => f.PeriodEnd).Add("metric", f => f.Metric)
        .Add("value", f => f.Value).Add("valueMax", f => f.ValueMax).Add("unit", f => f.Unit)
        .Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}
