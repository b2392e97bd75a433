using DepinApi.OpenApi;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A project as listed; <c>url</c> is its resource under /v1/projects.</summary>
public sealed record ProjectView(
    string Slug, string Name, string Sector, string SubTrack, string TokenSymbol, string? Chain, string? Website,
    string Description, string Url)
{
    /// <summary>A real project, for the OpenAPI document.</summary>
    public static ProjectView Example => new("aethir", "Aethir", "compute", "GPU compute", "ATH", null, "https://aethir.com",
        "Decentralized GPU compute network serving AI training, Web3 infrastructure and cloud gaming clients.",
        "http://127.0.0.1:5080/v1/projects/aethir");

    public static ProjectView Of(Project p, string url) =>
        new(p.Slug, p.Name, p.Sector, p.SubTrack, p.TokenSymbol, p.Chain, p.Website, p.Description, url);

    public static CsvColumns<ProjectView> Columns() => new CsvColumns<ProjectView>()
        .Add("slug", p => p.Slug).Add("name", p => p.Name).Add("sector", p => p.Sector).Add("subTrack", p => p.SubTrack)
        .Add("tokenSymbol", p => p.TokenSymbol).Add("chain", p => p.Chain).Add("website", p => p.Website)
        .Add("description", p => p.Description).Add("url", p => p.Url);
}

/// <summary>A project with its newest figures: per revenue metric, settlement mix and token price.</summary>
[OpenApiCsvExample("slug,name,sector,subTrack,tokenSymbol,chain,website,description,url\r\naethir,Aethir,compute,GPU compute,ATH,,https://aethir.com,\"Decentralized GPU compute network serving AI training, Web3 infrastructure and cloud gaming clients.\",http://127.0.0.1:5080/v1/projects/aethir\r\n")]
public sealed record ProjectDetailView(
    string Slug, string Name, string Sector, string SubTrack, string TokenSymbol, string? Chain, string? Website,
    string Description, LatestFigures Latest, ProjectLinks Links)
{
    /// <summary>A project with its newest figures, for the OpenAPI document.</summary>
    public static ProjectDetailView Example => new("aethir", "Aethir", "compute", "GPU compute", "ATH", null, "https://aethir.com",
        ProjectView.Example.Description, LatestFigures.Example, ProjectLinks.Example);
}

/// <summary>
/// The newest figures of a project. Revenue holds every figure of each metric's newest quarter
/// (sources may state one quarter more than once).
/// </summary>
public sealed record LatestFigures(
    IReadOnlyList<RevenueFigureView> Revenue, IReadOnlyList<SettlementMixView> SettlementMix, TokenPriceView? TokenPrice)
{
    public static LatestFigures Example => new([RevenueFigureView.Example], [SettlementMixView.Example], TokenPriceView.Example);
}

/// <summary>Where the rest of a project's data lives.</summary>
public sealed record ProjectLinks(string Self, string Revenue, string SettlementMix, string TokenPrices, string Metrics)
{
    public static ProjectLinks Example => new("http://127.0.0.1:5080/v1/projects/aethir", "http://127.0.0.1:5080/v1/projects/aethir/revenue",
        "http://127.0.0.1:5080/v1/projects/aethir/settlement-mix", "http://127.0.0.1:5080/v1/projects/aethir/token-prices",
        "http://127.0.0.1:5080/v1/projects/aethir/metrics");
}
