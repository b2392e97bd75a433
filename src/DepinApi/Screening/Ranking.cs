using System.Globalization;

namespace DepinApi.Screening;

/// <summary>
/// Ranks screenings overall and within each sector. Only composites whose present components
/// carry at least <see cref="Methodology.MinimumCoverageToRank"/> of the weight are ranked, so a
/// score resting on one or two components does not top the list. Higher composite ranks first;
/// equal composites (to the published two decimals) share a rank and the next rank is skipped
/// (1, 2, 2, 4); within a tie, and among unranked projects, the order is by slug.
/// </summary>
public static class Ranking
{
    public static string Rule { get; } = string.Create(CultureInfo.InvariantCulture,
        $"Ranked when coverage ≥ {Methodology.MinimumCoverageToRank}; by composite, highest first; equal composites share a rank and the next rank is skipped (1, 2, 2, 4), listed by slug; unranked projects follow, by slug.");

    public static IReadOnlyList<ProjectScreening> Rank(IEnumerable<ProjectScreening> screenings)
    {
        var all = screenings.ToList();
        var overall = Ranks(all);
        var bySector = all.GroupBy(s => s.Sector).SelectMany(g => Ranks(g.ToList())).ToDictionary(p => p.Key, p => p.Value);
        return all
            .Select(s => s with
            {
                Rank = overall[s.Project].Rank,
                SectorRank = bySector[s.Project].Rank,
                RankNote = overall[s.Project].Note,
            })
            .OrderBy(s => s.Rank is null ? 1 : 0)
            .ThenBy(s => s.Rank)
            .ThenBy(s => s.Project, StringComparer.Ordinal)
            .ToList();
    }

    public static bool IsRankable(ProjectScreening s) => s.Composite is not null && s.Coverage >= Methodology.MinimumCoverageToRank;

    private static Dictionary<string, (int? Rank, string? Note)> Ranks(IReadOnlyList<ProjectScreening> group)
    {
        var result = new Dictionary<string, (int?, string?)>(StringComparer.Ordinal);
        var ranked = group.Where(IsRankable)
            .OrderByDescending(s => s.Composite)
            .ThenBy(s => s.Project, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            var first = ranked.FindIndex(s => s.Composite == ranked[i].Composite);
            var tied = ranked.Where(s => s.Composite == ranked[i].Composite && s.Project != ranked[i].Project)
                .Select(s => s.Project).ToList();
            result[ranked[i].Project] = (first + 1, tied.Count == 0 ? null : "tied with " + string.Join(", ", tied));
        }
        foreach (var s in group.Where(s => !IsRankable(s)))
            result[s.Project] = (null, s.Composite is null
                ? "not ranked: no component could be scored"
                : string.Create(CultureInfo.InvariantCulture,
                    $"not ranked: coverage {Numbers.Exact(s.Coverage)} is below {Methodology.MinimumCoverageToRank}"));
        return result;
    }
}
