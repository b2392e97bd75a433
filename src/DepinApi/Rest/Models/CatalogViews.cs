using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>A sector with the projects in it; <c>url</c> lists them.</summary>
public sealed record SectorView(string Sector, int ProjectCount, IReadOnlyList<string> Projects, string Url)
{
    public static CsvColumns<SectorView> Columns() => new CsvColumns<SectorView>()
        .Add("sector", s => s.Sector).Add("projectCount", s => s.ProjectCount)
        .Add("projects", s => string.Join(' ', s.Projects)).Add("url", s => s.Url);
}

/// <summary>A source as listed; <c>url</c> is the publication's address when it gave one, <c>self</c> the resource with its figures.</summary>
public sealed record SourceListItem(string Id, string Publisher, string Title, DateOnly? PublishedOn, string PublishedLabel,
    string Kind, string? Url, string Self)
{
    public static CsvColumns<SourceListItem> Columns() => new CsvColumns<SourceListItem>()
        .Add("id", s => s.Id).Add("publisher", s => s.Publisher).Add("title", s => s.Title)
        .Add("publishedOn", s => s.PublishedOn).Add("publishedLabel", s => s.PublishedLabel).Add("kind", s => s.Kind)
        .Add("url", s => s.Url).Add("self", s => s.Self);
}

/// <summary>
/// A source and every figure that cites it. Token price series can be long: at most the
/// configured maximum page size are listed here, and <c>tokenPricesComplete</c> says whether that was all.
/// </summary>
public sealed record SourceDetailView(SourceView Source, SourceFigures Figures, bool TokenPricesComplete);

public sealed record SourceFigures(
    IReadOnlyList<RevenueFigureView> Revenue, IReadOnlyList<SettlementMixView> SettlementMix,
    IReadOnlyList<TokenPriceView> TokenPrices, IReadOnlyList<NetworkMetricView> NetworkMetrics,
    IReadOnlyList<SectorFigureView> SectorFigures);

/// <summary>A row a data version added, changed or removed; <c>url</c> shows it in that version (before it, when removed).</summary>
public sealed record ChangeView(int Version, DateTimeOffset ImportedAt, string Table, string Id, string Kind, string? Url)
{
    public static CsvColumns<ChangeView> Columns() => new CsvColumns<ChangeView>()
        .Add("version", c => c.Version).Add("importedAt", c => c.ImportedAt).Add("table", c => c.Table)
        .Add("id", c => c.Id).Add("kind", c => c.Kind).Add("url", c => c.Url);
}

/// <summary>What the API serves: the data version, when it was imported, row counts, and the methodology version.</summary>
public sealed record MetaView(
    DataVersionRef DataVersion, DateTimeOffset LastImport, IReadOnlyDictionary<string, long> Counts, string MethodologyVersion,
    IReadOnlyList<VersionView> Versions)
{
    public static CsvColumns<MetaView> Columns() => new CsvColumns<MetaView>()
        .Add("dataVersion", m => m.DataVersion.Id).Add("lastImport", m => m.LastImport)
        .Add("methodologyVersion", m => m.MethodologyVersion)
        .Add("counts", m => string.Join(' ', m.Counts.Select(c => $"{c.Key}={c.Value}")));
}

/// <summary>One data version and what its import changed, per seed file.</summary>
public sealed record VersionView(int Id, DateTimeOffset ImportedAt, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Summary);
