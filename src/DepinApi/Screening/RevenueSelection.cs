using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// Picks one revenue figure per project, quarter and metric when a source states it more than
/// once ("About $520 million" in a table, "exceeding $500 million" in the text): the most precise
/// statement wins — no qualifier, then "about", then "nearly", then a bound ("over", "under",
/// "up to") — then a disclosed figure over an estimate, then the smallest id.
/// </summary>
public static class RevenueSelection
{
    public static int QualifierRank(string? qualifier) => qualifier switch
    {
        null => 0,
        "about" => 1,
        "nearly" => 2,
        _ => 3,
    };

    /// <summary>One figure per (quarter, metric).</summary>
    public static IReadOnlyDictionary<(Quarter Quarter, string Metric), RevenueFigure> Preferred(IEnumerable<RevenueFigure> rows) =>
        rows.GroupBy(r => (r.Quarter, r.Metric))
            .ToDictionary(g => g.Key, g => g
                .OrderBy(r => QualifierRank(r.Qualifier))
                .ThenBy(r => r.Basis == "disclosed" ? 0 : 1)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .First());
}
