using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A figure about DePIN as a whole (<c>scope</c> "depin") or its compute networks ("depin_compute").</summary>
public sealed record SectorFigureView(
    string Id, string Scope, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, string Metric, decimal Value,
    decimal? ValueMax, string Unit, string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink,
    string Citation)
{
    public static CsvColumns<SectorFigureView> Columns() => new CsvColumns<SectorFigureView>()
        .Add("id", f => f.Id).Add("scope", f => f.Scope).Add("period", f => f.Period)
        .Add("periodStart", f => f.PeriodStart).Add("periodEnd", f => f.PeriodEnd).Add("metric", f => f.Metric)
        .Add("value", f => f.Value).Add("valueMax", f => f.ValueMax).Add("unit", f => f.Unit)
        .Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}
