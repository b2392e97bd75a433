namespace DepinApi.Screening;

/// <summary>Screens projects from loaded rows: pure, deterministic, no I/O.</summary>
public static class ScreeningCalculator
{
    /// <summary>One project's components and composite, without ranks.</summary>
    public static ProjectScreening Screen(ProjectScreeningData data)
    {
        var growth = RevenueGrowth.Find(data.Revenue);
        IReadOnlyList<ComponentScore> components =
        [
            SettlementQuality.Score(data.Settlement),
            EvidenceScore.RewardFunding(data.Evidence),
            EvidenceScore.BurnLinkage(data.Evidence),
            EvidenceScore.ExternalDemand(data.Evidence),
            RevenueMomentum.Score(growth),
            RevenuePriceDivergence.Score(growth, data.Evidence, data.Prices),
            Valuation.Score(data.Revenue, data.Metrics),
        ];
        var composite = Composite.Combine(components);
        var project = data.Project;
        return new ProjectScreening(project.Slug, project.Name, project.Sector, Methodology.Version, composite.Score,
            composite.Coverage, composite.Arithmetic, composite.Missing, components, null, null, null);
    }

    /// <summary>Every project screened and ranked overall and per sector.</summary>
    public static IReadOnlyList<ProjectScreening> ScreenAll(IEnumerable<ProjectScreeningData> projects) =>
        Ranking.Rank(projects.Select(Screen));
}
