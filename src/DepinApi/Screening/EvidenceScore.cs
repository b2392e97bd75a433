using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// The three components read from evidence rows: reward funding, burn linkage and external
/// demand. Each claim scores by its label; the component is the mean over the project's claims
/// of that kind, so a source that says both (Helium Mobile yes, the IoT network no) counts both.
/// </summary>
public static class EvidenceScore
{
    public const string RewardFundingFormula = "reward_funding.evidence_mean/1";
    public const string BurnLinkageFormula = "burn_linkage.evidence_mean/1";
    public const string ExternalDemandFormula = "external_demand.evidence_mean/1";

    public static ComponentScore RewardFunding(IReadOnlyList<Evidence> evidence) =>
        Score(ComponentIds.RewardFunding, EvidenceKinds.RewardFunding, RewardFundingFormula, evidence);

    public static ComponentScore BurnLinkage(IReadOnlyList<Evidence> evidence) =>
        Score(ComponentIds.BurnLinkage, EvidenceKinds.BurnLinkage, BurnLinkageFormula, evidence);

    public static ComponentScore ExternalDemand(IReadOnlyList<Evidence> evidence) =>
        Score(ComponentIds.ExternalDemand, EvidenceKinds.ExternalDemand, ExternalDemandFormula, evidence);

    private static ComponentScore Score(string componentId, string kind, string formulaId, IReadOnlyList<Evidence> evidence)
    {
        var scores = EvidenceKinds.LabelScores[kind];
        var claims = evidence
            .Where(e => e.Kind == kind && scores.ContainsKey(e.Label))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        if (claims.Count == 0)
            return Components.Missing(componentId, formulaId, [$"evidence of kind '{kind}'"]);

        var values = claims.Select(c => scores[c.Label]).ToList();
        var mean = values.Sum() / values.Count;
        return Components.Scored(componentId, mean, formulaId, Coverage.Full, fromLabel: true,
            score => values.Count == 1
                ? $"'{claims[0].Label}' = {Numbers.Score(score)}"
                : $"({string.Join(" + ", claims.Select(c => $"'{c.Label}' {Numbers.Exact(scores[c.Label])}"))}) / {values.Count} = {Numbers.Score(score)}",
            claims.Select(Inputs.Of).ToList());
    }
}
