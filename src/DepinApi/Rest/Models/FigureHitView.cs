using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>
/// A figure found by <c>GET /v1/figures</c>: what it measures, of whom, when, and its permalink. <c>kind</c> is its
/// collection (revenue, settlement-mix, token-prices, metrics, sector-figures); <c>project</c> is null for sector
/// figures, which have a <c>scope</c> instead.
/// </summary>
public sealed record FigureHitView(string Kind, string Id, string? Project, string? ProjectName, string? Scope, string Metric,
    string Period, string? Basis, string Source, string Quote, string Permalink)
{
    /// <summary>A real figure of the seed data, for the OpenAPI document.</summary>
    public static FigureHitView Example => new("revenue", "helium-2026q2-annualized-external-revenue-table", "helium", "Helium", null,
        "annualized_external_revenue", "2026Q2", "estimate", "gate-2026-06-01",
        "| Helium | Mobile Network | About $520 million | 5G data traffic fees | 0.7277 | -78.55% |",
        "https://api.example.org/v1/revenue/helium-2026q2-annualized-external-revenue-table?asOf=1");

    public static FigureHitView Of(FigureHit hit, Citations.Links links)
    {
        var sector = hit.Kind == "sector-figures";
        var permalink = hit.Kind switch
        {
            "revenue" => links.Revenue(hit.Id),
            "settlement-mix" => links.SettlementMix(hit.Id),
            "token-prices" => links.TokenPrice(hit.Id),
            "metrics" => links.NetworkMetric(hit.Id),
            _ => links.SectorFigure(hit.Id),
        };
        return new(hit.Kind, hit.Id, sector ? null : hit.Owner, hit.ProjectName, sector ? hit.Owner : null, hit.Metric, hit.Period,
            hit.Basis, hit.SourceId, hit.Quote, permalink);
    }

    public static CsvColumns<FigureHitView> Columns() => new CsvColumns<FigureHitView>()
        .Add("kind", f => f.Kind).Add("id", f => f.Id).Add("project", f => f.Project).Add("projectName", f => f.ProjectName)
        .Add("scope", f => f.Scope).Add("metric", f => f.Metric).Add("period", f => f.Period).Add("basis", f => f.Basis)
        .Add("source", f => f.Source).Add("quote", f => f.Quote).Add("permalink", f => f.Permalink);
}
