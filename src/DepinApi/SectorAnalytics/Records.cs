using DepinApi.ReadModel;

namespace DepinApi.SectorAnalytics;

// The results of sector analytics. Shares are fractions 0..1 rounded to 6 decimals, the HHI is on
// the 0–10,000 scale rounded to 2 decimals, implied prices are rounded to 8 decimals and
// multiples to 2, all half away from zero (docs/methodology.md, "Sector analytics").

/// <summary>Sector analytics for one data version, for all projects or one sector.</summary>
/// <param name="Sector">The sector asked for, or null for every project.</param>
/// <param name="Scope">The sector_figures scope whose stated figures are compared ("depin", "depin_compute"), or null when none matches.</param>
public sealed record SectorAnalyticsReport(
    string MethodologyVersion, int DataVersion, DateTimeOffset DataImportedAt, string? Sector, string? Scope,
    IReadOnlyList<RevenueConcentration> Revenue, IReadOnlyList<ImpliedYearEarlierPrice> ImpliedPrices,
    IReadOnlyList<SectorRevenueMultiple> RevenueMultiples);

/// <summary>
/// One quarter and revenue metric across the projects that have a figure for it: the total, each
/// project's share, the top-3 share and the Herfindahl–Hirschman index, next to what a source
/// states for the whole sector when it does.
/// </summary>
/// <param name="Top3Share">The three largest shares summed (all of them when fewer than three projects); null when the total is 0.</param>
/// <param name="Hhi">10,000 × Σ share²; null when the total is 0.</param>
/// <param name="StatedTotal">The sector total a source states for the same quarter and metric, if any.</param>
/// <param name="ListedMinusStatedUsd">The listed projects' total minus the stated total, when both exist.</param>
/// <param name="StatedTop3Share">The top-3 share a source states, if any.</param>
public sealed record RevenueConcentration(
    string Quarter, string Metric, decimal TotalUsd, int ProjectCount, IReadOnlyList<ProjectShare> Projects,
    decimal? Top3Share, decimal? Hhi, StatedFigure? StatedTotal, decimal? ListedMinusStatedUsd, StatedFigure? StatedTop3Share);

/// <summary>One project's figure in a <see cref="RevenueConcentration"/> and its share of the listed total.</summary>
public sealed record ProjectShare(
    string Project, string Name, decimal AmountUsd, decimal? Share, string FigureId, string Basis, string? Qualifier,
    Source Source, string Quote);

/// <summary>A figure a source states for the sector as a whole (a row of sector_figures).</summary>
public sealed record StatedFigure(
    string FigureId, string Scope, string Period, string Metric, decimal Value, string Unit, string Basis, string? Qualifier,
    Source Source, string Quote);

/// <summary>
/// The token price a year before <see cref="Date"/> implied by the price and its 1-year change:
/// price ÷ (1 + change). Null when the change is −100% (any earlier price fits).
/// </summary>
public sealed record ImpliedYearEarlierPrice(
    string Project, string TokenSymbol, string Date, decimal PriceUsd, decimal Change1y, decimal? ImpliedPriceUsd,
    string Arithmetic, string FigureId, Source Source, string Quote);

/// <summary>The sector's market cap divided by its revenue for the same period, both as a source states them.</summary>
public sealed record SectorRevenueMultiple(
    string Scope, string Period, decimal MarketCapUsd, decimal RevenueUsd, string RevenueMetric, decimal? Multiple,
    string Arithmetic, StatedFigure MarketCap, StatedFigure Revenue);
