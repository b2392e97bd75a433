using DepinApi.Domain;

namespace DepinApi.Rest.Infrastructure;

/// <summary>The enumerated values REST filters accept: the domain's <see cref="Vocabularies"/>, and REST's own sort keys.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Sectors = Vocabularies.Sector.Values;

    public static readonly IReadOnlyList<string> RevenueMetrics = Vocabularies.RevenueMetric.Values;

    public static readonly IReadOnlyList<string> Scopes = Vocabularies.SectorScope.Values;

    public static readonly IReadOnlyList<string> ProjectSorts = ["slug", "-slug", "name", "-name"];

    /// <summary>The order of <c>/v1/projects</c> without <c>sort</c>.</summary>
    public const string DefaultProjectSort = "slug";
}
