namespace DepinApi.Screening;

/// <summary>The kinds of evidence and the score each label carries (docs/methodology.md, "Evidence labels").</summary>
public static class EvidenceKinds
{
    public const string RewardFunding = "reward_funding";
    public const string BurnLinkage = "burn_linkage";
    public const string ExternalDemand = "external_demand";
    public const string RevenueTrend = "revenue_trend";

    /// <summary>Label → score (0–100) for the kinds that are scored directly.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> LabelScores { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, decimal>>
        {
            [RewardFunding] = new Dictionary<string, decimal>
            {
                ["usage_funded"] = 100m,
                ["partly_usage_funded"] = 50m,
                ["emission_funded"] = 0m,
            },
            [BurnLinkage] = new Dictionary<string, decimal>
            {
                ["burn_and_mint"] = 100m,
                ["usage_burns"] = 75m,
                ["no_usage_burn"] = 0m,
            },
            [ExternalDemand] = new Dictionary<string, decimal>
            {
                ["independent_of_token"] = 100m,
                ["paid_usage"] = 50m,
                ["recursive"] = 0m,
            },
        };

    /// <summary>The only revenue-trend label: a source says revenue grows but gives no figure.</summary>
    public const string Growing = "growing";
}
