using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A project as listed; <c>url</c> is its resource under /v1/projects.</summary>
public sealed record ProjectView(
    string Slug, string Name, string Sector, string SubTrack, string TokenSymbol, string? Chain, string? Website,
    string Description, string Url)
{
    public static ProjectView Of(Project p, string url) =>
        new(p.Slug, p.Name, p.Sector, p.SubTrack, p.TokenSymbol, p.Chain, p.Website, p.Description, url);

    public static CsvColumns<ProjectView> Columns() => new CsvColumns<ProjectView>()
        .Add("slug", p => p.Slug).Add("name", p => p.Name).Add("sector", p => p.Sector).Add("subTrack", p => p.SubTrack)
        .Add("tokenSymbol", p => p.TokenSymbol).Add("chain", p => p.Chain).Add("website", p => p.Website)
        .Add("description", p => p.Description).Add("url", p => p.Url);
}

/// <summary>A project with its newest figures: per revenue metric, settlement mix and token price.</summary>
public sealed record ProjectDetailView(
    string Slug, string Name, string Sector, string SubTrack, string TokenSymbol, string? Chain, string? Website,
    string Description, LatestFigures Latest, ProjectLinks Links);

/// <summary>
/// The newest figures of a project. Revenue holds every figure of each metric's newest quarter
/// (sources may state one quarter more than once).
/// </summary>
public sealed record LatestFigures(
    IReadOnlyList<RevenueFigureView> Revenue, IReadOnlyList<SettlementMixView> SettlementMix, TokenPriceView? TokenPrice);

/// <summary>Where the rest of a project's data lives.</summary>
public sealed record ProjectLinks(string Self, string Revenue, string SettlementMix, string TokenPrices, string Metrics);
