namespace DepinApi.ReadModel;

// The read model's rows. Enumerated values (sector, metric, basis, qualifier, unit …) keep the
// database's snake_case spelling; each view (REST, GraphQL) presents them in its own idiom.

/// <summary>Where a figure comes from.</summary>
public sealed record Source(
    string Id, string Publisher, string Title, DateOnly? PublishedOn, string PublishedLabel, string Kind, string? Url);

public sealed record Project(
    string Slug, string Name, string Sector, string SubTrack, string TokenSymbol, string? Chain, string? Website,
    string Description);

/// <summary>A revenue figure for one project, quarter and metric, as one source states it.</summary>
public sealed record RevenueFigure(
    string Id, string Project, Quarter Quarter, string Metric, decimal AmountUsd, string Basis, string? Qualifier,
    Source Source, string Quote);

/// <summary>How a project's fees are settled: shares 0..1, or only a label when the source gives no number.</summary>
public sealed record SettlementMix(
    string Id, string Project, DateOnly AsOf, decimal? StablecoinShare, decimal? NativeShare, string? Label,
    string Basis, string? Qualifier, Source Source, string Quote);

/// <summary>A token price on a day, and/or its change over a window (fractions: 0.5 is +50%).</summary>
public sealed record TokenPrice(
    string Id, string Project, string TokenSymbol, DateOnly Date, decimal? PriceUsd, decimal? Change30d,
    decimal? Change90d, decimal? Change1y, string? Qualifier, Source Source, string Quote);

/// <summary>A usage or supply figure of a network over a period (a range when <c>ValueMax</c> is set).</summary>
public sealed record NetworkMetric(
    string Id, string Project, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, string Metric, decimal Value,
    decimal? ValueMax, string Unit, string Basis, string? Qualifier, Source Source, string Quote);

/// <summary>A figure about the sector as a whole (scope "depin" or "depin_compute").</summary>
public sealed record SectorFigure(
    string Id, string Scope, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, string Metric, decimal Value,
    decimal? ValueMax, string Unit, string Basis, string? Qualifier, Source Source, string Quote);

/// <summary>One import that changed something; <c>Summary</c> counts rows per seed file and kind of change.</summary>
public sealed record DataVersion(
    int Id, DateTimeOffset ImportedAt, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Summary);

/// <summary>A row a data version added, changed or removed. <c>Table</c> is the seed file's name ("revenue").</summary>
public sealed record DataChange(int Version, DateTimeOffset ImportedAt, string Table, string Id, string Kind);

/// <summary>
/// One claim a source makes about a project's token economics without a figure, read into a
/// label of a fixed vocabulary per kind (seed-data/evidence.csv, table <c>evidence</c>).
/// </summary>
public sealed record Evidence(
    string Id, string Project, string Kind, string Label, string Period, DateOnly PeriodStart, DateOnly PeriodEnd,
    string Basis, Source Source, string Quote);
