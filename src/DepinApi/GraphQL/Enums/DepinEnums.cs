using DepinApi.ReadModel;
using DepinApi.Series;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Enums;

/// <summary>The schema's enum types.</summary>
public static class DepinEnums
{
    public static readonly GraphQLEnumType RevenueMetric = StoredEnum.Create("RevenueMetric",
        "What a revenue figure measures.",
        ("quarterly_revenue", "Revenue earned in the quarter."),
        ("annualized_run_rate", "A recent period's revenue scaled to a year."),
        ("annualized_external_revenue", "Revenue from paying customers outside the network, scaled to a year."),
        ("annualized_onchain_revenue", "Revenue recorded on chain, scaled to a year."),
        ("fiscal_year_revenue", "Revenue of a whole fiscal year (placed in its fourth quarter)."),
        ("lease_income", "Income from compute leases."),
        ("network_fee_revenue", "Fees the network collected."),
        ("monthly_volume", "Volume of one month."));

    public static readonly GraphQLEnumType Basis = StoredEnum.Create("Basis",
        "Whether a figure was reported by the project (or is a market price) or estimated by a third party.",
        ("disclosed", "Reported by the project itself, read on chain, or a market price."),
        ("estimate", "A third party's estimate, aggregate or projection."));

    public static readonly GraphQLEnumType Sector = StoredEnum.Create("Sector",
        "The kind of physical infrastructure a project's network provides.",
        ("wireless", "Wireless connectivity: IoT and mobile networks."),
        ("compute", "Compute: cloud, GPU and rendering capacity."),
        ("storage", "Data storage."),
        ("mapping", "Map data."),
        ("sensors", "Sensor data."),
        ("energy", "Energy."),
        ("bandwidth", "Bandwidth."));

    public static readonly GraphQLEnumType Qualifier = StoredEnum.Create("Qualifier",
        "How the source qualifies a number; absent when it states the number plainly.",
        ("about", "About, around, roughly, approximately."),
        ("nearly", "Nearly."),
        ("over", "Over, more than, exceeding."),
        ("under", "Under, less than."),
        ("up_to", "Up to."),
        ("range", "A range from value to valueMax."));

    public static readonly GraphQLEnumType MetricUnit = StoredEnum.Create("MetricUnit",
        "The unit of a network or sector figure's value.",
        ("count", "A number of things."),
        ("fraction", "A fraction: 0.5 is 50%."),
        ("usd", "US dollars."),
        ("tokens", "Tokens of the project's own currency."),
        ("hours", "Hours."),
        ("gpus", "Graphics processors."));

    public static readonly GraphQLEnumType SectorScope = StoredEnum.Create("SectorScope",
        "Which part of the DePIN sector a sector figure describes.",
        ("depin", "All DePIN networks."),
        ("depin_compute", "The DePIN compute networks."));

    public static readonly GraphQLEnumType SettlementLabel = StoredEnum.Create("SettlementLabel",
        "A source's wording for a settlement mix it gives no number for.",
        ("mainly_native", "Fees are mainly settled in the project's own token."),
        ("mainly_stablecoin", "Fees are mainly settled in stablecoins."));

    public static readonly GraphQLEnumType SourceKind = StoredEnum.Create("SourceKind",
        "What kind of publication a source is.",
        ("disclosure", "The project's own disclosure."),
        ("third_party_estimate", "A third party's data or estimate."),
        ("press", "A press or research article."));

    public static readonly GraphQLEnumType ChangeKind = StoredEnum.Create("ChangeKind",
        "What a data version did to a row.",
        ("added", "The row first appeared."),
        ("changed", "The row's content changed."),
        ("removed", "The row was removed."));

    public static readonly GraphQLEnumType Units = new("Units",
        Enum.GetValues<SeriesUnits>().Select(u => new EnumValueDefinition(u.ToName().ToUpperInvariant(), u)
        {
            Description = u switch
            {
                SeriesUnits.Lin => "Levels: the amount as stated (value equals amountUsd).",
                SeriesUnits.Chg => "Change from the previous quarter, in USD.",
                SeriesUnits.Pch => "Percent change from the previous quarter (14.5 is +14.5%).",
                _ => "Percent change from the same quarter a year earlier.",
            },
        }))
    {
        Description = "How a revenue series is presented, as FRED's units: LIN, CHG, PCH, PC1 (REST's lin, chg, pch, pc1). "
                      + "A transformed value whose inputs are missing is null, never 0.",
    };

    public static readonly GraphQLEnumType ProjectOrderField = new("ProjectOrderField",
    [
        new EnumValueDefinition("SLUG", ProjectSort.Slug) { Description = "By slug." },
        new EnumValueDefinition("NAME", ProjectSort.Name) { Description = "By name; the slug breaks ties." },
    ])
    {
        Description = "What a list of projects is sorted by.",
    };

    public static readonly GraphQLEnumType OrderDirection = new("OrderDirection",
    [
        new EnumValueDefinition("ASC", false) { Description = "Ascending: A to Z." },
        new EnumValueDefinition("DESC", true) { Description = "Descending: Z to A." },
    ])
    {
        Description = "The direction of a sort.",
    };
}
