using DepinApi.Screening;
namespace DepinApi.Rest.Screening;

/// <summary>Which methodology produced the numbers of a response, its weights and where it is written down.</summary>
/// <param name="Version">Semantic version of the methodology.</param>
/// <param name="Document">Where the formulas, weights, bands and a worked example are published.</param>
public sealed record MethodologyRef(string Version, string Document, IReadOnlyList<ComponentDefinition> Weights, string RankingRule)
{
    public const string DocumentPath = "docs/methodology.md";

    public static MethodologyRef Current { get; } = new(Methodology.Version, DocumentPath, Methodology.Components, Ranking.Rule);
}
