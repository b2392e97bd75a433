using DepinApi.ReadModel;

namespace DepinApi.SectorAnalytics;

/// <summary>The rows sector analytics read, already loaded, so the calculator does no I/O.</summary>
/// <param name="Projects">The projects in scope (all, or one sector's).</param>
/// <param name="Prices">Price rows the implied prices may use; loaded from the database, each project's rows of the newest day that states both a price and a 1-year change.</param>
/// <param name="SectorFigures">The stated sector figures of <paramref name="Scope"/>; empty when no scope matches.</param>
public sealed record SectorAnalyticsData(
    string? Sector, string? Scope, IReadOnlyList<Project> Projects, IReadOnlyList<RevenueFigure> Revenue,
    IReadOnlyList<TokenPrice> Prices, IReadOnlyList<SectorFigure> SectorFigures);
