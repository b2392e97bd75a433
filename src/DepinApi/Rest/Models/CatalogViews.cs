using DepinApi.OpenApi;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A sector with the projects in it; <c>url</c> lists them.</summary>
[OpenApiCsvExample("sector,projectCount,projects,url\r\ncompute,4,aethir akash io-net render,http://127.0.0.1:5080/v1/projects?sector=compute\r\n")]
public sealed record SectorView(string Sector, int ProjectCount, IReadOnlyList<string> Projects, string Url)
{
    public static SectorView Example => new("compute", 4, ["aethir", "akash", "io-net", "render"], "http://127.0.0.1:5080/v1/projects?sector=compute");

    public static CsvColumns<SectorView> Columns() => new CsvColumns<SectorView>()
        .Add("sector", s => s.Sector).Add("projectCount", s => s.ProjectCount)
        .Add("projects", s => string.Join(' ', s.Projects)).Add("url", s => s.Url);
}

/// <summary>A source as listed; <c>url</c> is the publication's address when it gave one, <c>self</c> the resource with its figures.</summary>
public sealed record SourceListItem(string Id, string Publisher, string Title, DateOnly? PublishedOn, string PublishedLabel,
    string Kind, string? Url, string Self)
{
    public static SourceListItem Example => new("blockeden-early-2026", "BlockEden.xyz", SourceView.Example.Title, null, "early 2026",
        "press", null, "http://127.0.0.1:5080/v1/sources/blockeden-early-2026");

    public static CsvColumns<SourceListItem> Columns() => new CsvColumns<SourceListItem>()
        .Add("id", s => s.Id).Add("publisher", s => s.Publisher).Add("title", s => s.Title)
        .Add("publishedOn", s => s.PublishedOn).Add("publishedLabel", s => s.PublishedLabel).Add("kind", s => s.Kind)
        .Add("url", s => s.Url).Add("self", s => s.Self);
}

/// <summary>
/// A source and every figure that cites it. Token price series can be long: at most the
/// configured maximum page size are listed here, and <c>tokenPricesComplete</c> says whether that was all.
/// </summary>
[OpenApiCsvExample("id,publisher,title,publishedOn,publishedLabel,kind,url\r\nblockeden-early-2026,BlockEden.xyz,\"DePIN\'s Revenue Reckoning: How Akash, io.net, and Aethir Are Replacing Token Mining with Real Business Cash Flow\",,early 2026,press,\r\n")]
public sealed record SourceDetailView(SourceView Source, SourceFigures Figures, bool TokenPricesComplete)
{
    public static SourceDetailView Example => new(SourceView.Example, SourceFigures.Example, true);
}

public sealed record SourceFigures(
    IReadOnlyList<RevenueFigureView> Revenue, IReadOnlyList<SettlementMixView> SettlementMix,
    IReadOnlyList<TokenPriceView> TokenPrices, IReadOnlyList<NetworkMetricView> NetworkMetrics,
    IReadOnlyList<SectorFigureView> SectorFigures)
{
    public static SourceFigures Example => new([RevenueFigureView.Example], [], [], [NetworkMetricView.Example], []);
}

/// <summary>A row a data version added, changed or removed; <c>url</c> shows it in that version (before it, when removed).</summary>
public sealed record ChangeView(int Version, DateTimeOffset ImportedAt, string Table, string Id, string Kind, string? Url)
{
    public static ChangeView Example => new(2, new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero), "revenue",
        "aethir-2025q2-quarterly-revenue", "changed", "http://127.0.0.1:5080/v1/revenue/aethir-2025q2-quarterly-revenue?asOf=2");

    public static CsvColumns<ChangeView> Columns() => new CsvColumns<ChangeView>()
        .Add("version", c => c.Version).Add("importedAt", c => c.ImportedAt).Add("table", c => c.Table)
        .Add("id", c => c.Id).Add("kind", c => c.Kind).Add("url", c => c.Url);
}

/// <summary>What the API serves: the data version, when it was imported, row counts, and the methodology version.</summary>
[OpenApiCsvExample("dataVersion,lastImport,methodologyVersion,counts\r\n1,2026-06-01T08:00:00Z," + DepinApi.Screening.Methodology.Version
    + ",evidence=17 network_metrics=26 project_aliases=0 projects=7 revenue=19 sector_figures=9 settlement_mix=4 sources=3 token_prices=8\r\n")]
public sealed record MetaView(
    DataVersionRef DataVersion, DateTimeOffset LastImport, IReadOnlyDictionary<string, long> Counts, string MethodologyVersion,
    IReadOnlyList<VersionView> Versions)
{
    /// <summary>The seed data's rows per file (checked against what is served by tests/…/OpenApi/ServedExamplesTests).</summary>
    internal static readonly IReadOnlyDictionary<string, long> SeedCounts = new Dictionary<string, long>
    {
        ["evidence"] = 17,
        ["network_metrics"] = 26,
        ["project_aliases"] = 0,
        ["projects"] = 7,
        ["revenue"] = 19,
        ["sector_figures"] = 9,
        ["settlement_mix"] = 4,
        ["sources"] = 3,
        ["token_prices"] = 8,
    };

    public static MetaView Example => new(DataVersionRef.Example, DataVersionRef.Example.ImportedAt, SeedCounts,
        DepinApi.Screening.Methodology.Version, [VersionView.Example]);

    public static CsvColumns<MetaView> Columns() => new CsvColumns<MetaView>()
        .Add("dataVersion", m => m.DataVersion.Id).Add("lastImport", m => m.LastImport)
        .Add("methodologyVersion", m => m.MethodologyVersion)
        .Add("counts", m => string.Join(' ', m.Counts.Select(c => $"{c.Key}={c.Value}")));
}

/// <summary>One data version and what its import changed, per seed file.</summary>
public sealed record VersionView(int Id, DateTimeOffset ImportedAt, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Summary)
{
    public static VersionView Example => new(1, new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero),
        MetaView.SeedCounts.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, int>)new Dictionary<string, int>
        {
            ["added"] = (int)c.Value,
            ["changed"] = 0,
            ["removed"] = 0,
            ["unchanged"] = 0,
        }));
}
