namespace DepinApi.Domain;

/// <summary>
/// Every closed vocabulary of the data: what a sector, a revenue metric, a unit, a basis … may be. REST
/// validation, the importer, the GraphQL enums and the OpenAPI text derive from or are tested against these;
/// schema/*.sql repeats them in CHECK constraints, which VocabularyAgreementTests compare with the live database.
/// </summary>
public static class Vocabularies
{
    public static readonly ClosedVocabulary RevenueMetric = new("RevenueMetric",
        "What a revenue figure measures.",
        new("quarterly_revenue", "Revenue earned in the quarter."),
        new("annualized_run_rate", "A recent period's revenue scaled to a year."),
        new("annualized_external_revenue", "Revenue from paying customers outside the network, scaled to a year."),
        new("annualized_onchain_revenue", "Revenue recorded on chain, scaled to a year."),
        new("fiscal_year_revenue", "Revenue of a whole fiscal year (placed in its fourth quarter)."),
        new("lease_income", "Income from compute leases."),
        new("network_fee_revenue", "Fees the network collected."),
        new("monthly_volume", "Volume of one month."));

    public static readonly ClosedVocabulary Basis = new("Basis",
        "Whether a figure was reported by the project (or is a market price) or estimated by a third party.",
        new("disclosed", "Reported by the project itself, read on chain, or a market price."),
        new("estimate", "A third party's estimate, aggregate or projection."));

    public static readonly ClosedVocabulary Sector = new("Sector",
        "The kind of physical infrastructure a project's network provides.",
        new("wireless", "Wireless connectivity: IoT and mobile networks."),
        new("compute", "Compute: cloud, GPU and rendering capacity."),
        new("storage", "Data storage."),
        new("mapping", "Map data."),
        new("sensors", "Sensor data."),
        new("energy", "Energy."),
        new("bandwidth", "Bandwidth."));

    /// <summary>The basis of every token price: a market price is disclosed (<see cref="Basis"/>), and the table stores none.</summary>
    public const string MarketPriceBasis = "disclosed";

    /// <summary>The qualifier that makes a figure a range (value to value_max); only measured figures take it.</summary>
    public const string RangeQualifier = "range";

    public static readonly ClosedVocabulary Qualifier = new("Qualifier",
        "How the source qualifies a number; absent when it states the number plainly.",
        new("about", "About, around, roughly, approximately."),
        new("nearly", "Nearly."),
        new("over", "Over, more than, exceeding."),
        new("under", "Under, less than."),
        new("up_to", "Up to."),
        new(RangeQualifier, "A range from value to valueMax."));

    /// <summary>The qualifiers of a single number: revenue, settlement mix and token prices have no ranges.</summary>
    public static readonly IReadOnlyList<string> SingleNumberQualifiers =
        Qualifier.Values.Where(v => v != RangeQualifier).ToArray();

    /// <summary>The unit of a share, a rate or a multiple: 0.5 is 50%, 10 is 10x.</summary>
    public const string FractionUnit = "fraction";

    public static readonly ClosedVocabulary MetricUnit = new("MetricUnit",
        "The unit of a network or sector figure's value.",
        new("count", "A number of things."),
        new(FractionUnit, "A fraction: 0.5 is 50%, and a change is the rise or fall (4.28 is up 428%). A metric named as a multiple holds the ratio itself: 2 is doubling, 10 is 10x."),
        new("usd", "US dollars."),
        new("tokens", "Tokens of the project's own currency."),
        new("hours", "Hours."),
        new("gpus", "Graphics processors."));

    public static readonly ClosedVocabulary SectorScope = new("SectorScope",
        "Which part of the DePIN sector a sector figure describes.",
        new("depin", "All DePIN networks."),
        new("depin_compute", "The DePIN compute networks."));

    public static readonly ClosedVocabulary SettlementLabel = new("SettlementLabel",
        "A source's wording for a settlement mix it gives no number for.",
        new("mainly_native", "Fees are mainly settled in the project's own token."),
        new(MainlyStablecoin, "Fees are mainly settled in stablecoins."));

    /// <summary>The settlement label that names stablecoins (<see cref="SettlementLabel"/>; the other names the native token).</summary>
    public const string MainlyStablecoin = "mainly_stablecoin";

    public static readonly ClosedVocabulary SourceKind = new("SourceKind",
        "What kind of publication a source is.",
        new("disclosure", "The project's own disclosure."),
        new("third_party_estimate", "A third party's data or estimate."),
        new("press", "A press or research article."));

    public static readonly ClosedVocabulary ChangeKind = new("ChangeKind",
        "What a data version did to a row.",
        new("added", "The row first appeared."),
        new("changed", "The row's content changed."),
        new("removed", "The row was removed."));

    // Evidence kinds and the labels each allows (docs/methodology.md): a label belongs to one kind, so the scoring of
    // one kind never reads another's.
    private static readonly (string Kind, string[] Labels)[] Evidence =
    [
        ("reward_funding", ["usage_funded", "partly_usage_funded", "emission_funded"]),
        ("burn_linkage", ["burn_and_mint", "usage_burns", "no_usage_burn"]),
        ("external_demand", ["independent_of_token", "paid_usage", "recursive"]),
        ("revenue_trend", ["growing"]),
    ];

    /// <summary>The evidence kinds, in order.</summary>
    public static readonly IReadOnlyList<string> EvidenceKinds = Evidence.Select(e => e.Kind).ToArray();

    /// <summary>The labels each evidence kind allows.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EvidenceLabels =
        Evidence.ToDictionary(e => e.Kind, e => (IReadOnlyList<string>)e.Labels, StringComparer.Ordinal);

    /// <summary>The stored vocabularies the GraphQL schema exposes as enums, in no particular order.</summary>
    public static IReadOnlyList<ClosedVocabulary> All { get; } =
        [RevenueMetric, Basis, Sector, Qualifier, MetricUnit, SectorScope, SettlementLabel, SourceKind, ChangeKind];
}
