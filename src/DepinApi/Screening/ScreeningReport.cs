namespace DepinApi.Screening;

/// <summary>
/// The screening of every project for one data version, ranked: ranked projects first by
/// composite (highest first, ties share a rank and are listed by slug), then unranked ones by slug.
/// </summary>
/// <param name="DataVersion">The data version the scores were computed from.</param>
/// <param name="DataImportedAt">When that version was imported.</param>
public sealed record ScreeningReport(
    string MethodologyVersion, int DataVersion, DateTimeOffset DataImportedAt,
    IReadOnlyList<ComponentDefinition> Weights, string RankingRule, IReadOnlyList<ProjectScreening> Projects);
