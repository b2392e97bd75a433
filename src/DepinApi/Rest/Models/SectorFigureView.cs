using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A figure about DePIN as a whole (<c>scope</c> "depin") or its compute networks ("depin_compute").</summary>
public sealed record SectorFigureView(
    string Id, string Scope, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, string Metric, decimal Value,
    decimal? ValueMax, string Unit, string Basis, string? Qualifier, SourceView Source, string Quote, string Permalink,
    string Citation)
{
    /// <summary>A real figure, for the OpenAPI document.</summary>
    public static SectorFigureView Example => new("depin-2026q2-annualized-external-revenue", "depin", "2026Q2", new DateOnly(2026, 4, 1),
        new DateOnly(2026, 6, 30), "annualized_external_revenue", 800_000_000m, null, "usd", "estimate", "over",
        SettlementMixView.Example.Source,
        "Decentralized Physical Infrastructure Networks (DePIN) have surpassed $800 million in annual external revenue in Q2 2026.",
        "http://127.0.0.1:5080/v1/sector-figures/depin-2026q2-annualized-external-revenue?asOf=1",
        "DePIN annualized external revenue, as of Q2 2026: over $800 million (estimate). Source: Gate, “Helium and Akash revenue continues to grow; why has the DePIN token value capture failed?”, as of June 1, 2026. http://127.0.0.1:5080/v1/sector-figures/depin-2026q2-annualized-external-revenue?asOf=1");

    public static CsvColumns<SectorFigureView> Columns() => new CsvColumns<SectorFigureView>()
        .Add("id", f => f.Id).Add("scope", f => f.Scope).Add("period", f => f.Period)
        .Add("periodStart", f => f.PeriodStart).Add("periodEnd", f => f.PeriodEnd).Add("metric", f => f.Metric)
        .Add("value", f => f.Value).Add("valueMax", f => f.ValueMax).Add("unit", f => f.Unit)
        .Add("basis", f => f.Basis).Add("qualifier", f => f.Qualifier)
        .AddNested("source", f => f.Source, SourceView.Columns())
        .Add("quote", f => f.Quote).Add("permalink", f => f.Permalink).Add("citation", f => f.Citation);
}
