namespace DepinApi.Screening;

/// <summary>
/// A project's screening: its components, the composite renormalised over the components present,
/// and its place in the overall and sector rankings.
/// </summary>
/// <param name="Composite">Weighted mean of the present components, two decimals; null when none is present.</param>
/// <param name="Coverage">The share of the total weight carried by present components (0..1).</param>
/// <param name="CompositeArithmetic">The weighted mean with the numbers filled in.</param>
/// <param name="MissingComponents">Ids of the components without a score, left out of the composite.</param>
/// <param name="Rank">Overall rank (1 = best); null when not ranked (see <paramref name="RankNote"/>).</param>
/// <param name="SectorRank">Rank among the projects of the same sector, by the same rules.</param>
/// <param name="RankNote">Why the project is unranked, or which projects it ties with; null otherwise.</param>
public sealed record ProjectScreening(
    string Project, string Name, string Sector, string MethodologyVersion, decimal? Composite, decimal Coverage,
    string CompositeArithmetic, IReadOnlyList<string> MissingComponents, IReadOnlyList<ComponentScore> Components,
    int? Rank, int? SectorRank, string? RankNote);
