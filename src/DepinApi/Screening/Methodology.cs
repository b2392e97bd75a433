namespace DepinApi.Screening;

/// <summary>
/// The published constants of the screening methodology (docs/methodology.md). Any change to a
/// weight, band, formula or rounding rule changes <see cref="Version"/>, so a quoted score can
/// always be traced to the rules that produced it.
/// </summary>
public static class Methodology
{
    /// <summary>Semantic version of the methodology; in every screening and sector-analytics response.</summary>
    public const string Version = "1.0.0";

    /// <summary>Scores and composites are rounded to this many decimals, half away from zero.</summary>
    public const int ScoreDecimals = 2;

    /// <summary>A composite is ranked only when its present components carry at least this share of the weight.</summary>
    public const decimal MinimumCoverageToRank = 0.5m;

    /// <summary>The price-to-revenue multiple at which the valuation component scores 50.</summary>
    public const decimal ValuationReferenceMultiple = 10m;

    /// <summary>The components in published order, with their weights (out of 100).</summary>
    public static IReadOnlyList<ComponentDefinition> Components { get; } =
    [
        new(ComponentIds.SettlementQuality, "Settlement quality", 20),
        new(ComponentIds.RewardFunding, "Usage-funded vs emission-funded rewards", 15),
        new(ComponentIds.BurnLinkage, "Burn linkage", 10),
        new(ComponentIds.ExternalDemand, "External demand", 20),
        new(ComponentIds.RevenueMomentum, "Revenue momentum", 10),
        new(ComponentIds.RevenuePriceDivergence, "Revenue–price divergence", 15),
        new(ComponentIds.Valuation, "Valuation", 10),
    ];

    /// <summary>The sum of all weights; a composite with every component present divides by this.</summary>
    public static int TotalWeight { get; } = Components.Sum(c => c.Weight);

    public static ComponentDefinition Component(string id) => Components.Single(c => c.Id == id);

    /// <summary>The one rounding rule of the methodology.</summary>
    public static decimal Round(decimal value) => Math.Round(value, ScoreDecimals, MidpointRounding.AwayFromZero);
}

/// <summary>A component of the composite: its id (stable, snake_case), its name and its weight out of 100.</summary>
public sealed record ComponentDefinition(string Id, string Name, int Weight);

/// <summary>The stable ids of the components.</summary>
public static class ComponentIds
{
    public const string SettlementQuality = "settlement_quality";
    public const string RewardFunding = "reward_funding";
    public const string BurnLinkage = "burn_linkage";
    public const string ExternalDemand = "external_demand";
    public const string RevenueMomentum = "revenue_momentum";
    public const string RevenuePriceDivergence = "revenue_price_divergence";
    public const string Valuation = "valuation";
}
