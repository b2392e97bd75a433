using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// Picks one revenue figure per project, quarter and metric when a source states it more than
/// once: the statement that ranks first by <see cref="RevenuePrecision"/> (the most precise, then
/// a disclosed figure over an estimate, then the smallest id).
/// </summary>
public static class RevenueSelection
{
    /// <summary>One figure per (quarter, metric), of one project's rows.</summary>
    public static IReadOnlyDictionary<(Quarter Quarter, string Metric), RevenueFigure> Preferred(IEnumerable<RevenueFigure> rows) =>
        rows.GroupBy(r => (r.Quarter, r.Metric)).ToDictionary(g => g.Key, Choose);

    /// <summary>The ids of the preferred figures of any projects' rows: one per (project, quarter, metric).</summary>
    public static IReadOnlySet<string> PreferredIds(IEnumerable<RevenueFigure> rows) =>
        rows.GroupBy(r => (r.Project, r.Quarter, r.Metric)).Select(g => Choose(g).Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The preferred one of several statements of the same project, quarter and metric.</summary>
    public static RevenueFigure Choose(IEnumerable<RevenueFigure> statements) => statements
        .OrderBy(r => RevenuePrecision.QualifierRank(r.Qualifier))
        .ThenBy(r => RevenuePrecision.BasisRank(r.Basis))
        .ThenBy(r => r.Id, StringComparer.Ordinal)
        .First();
}
