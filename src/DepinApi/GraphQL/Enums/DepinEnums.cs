using DepinApi.Domain;
using DepinApi.ReadModel;
using DepinApi.Series;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Enums;

/// <summary>The schema's enum types; those of stored values are the domain's vocabularies (<see cref="Vocabularies"/>).</summary>
public static class DepinEnums
{
    public static readonly GraphQLEnumType RevenueMetric = StoredEnum.Create(Vocabularies.RevenueMetric);

    public static readonly GraphQLEnumType Basis = StoredEnum.Create(Vocabularies.Basis);

    public static readonly GraphQLEnumType Sector = StoredEnum.Create(Vocabularies.Sector);

    public static readonly GraphQLEnumType Qualifier = StoredEnum.Create(Vocabularies.Qualifier);

    public static readonly GraphQLEnumType MetricUnit = StoredEnum.Create(Vocabularies.MetricUnit);

    public static readonly GraphQLEnumType SectorScope = StoredEnum.Create(Vocabularies.SectorScope);

    public static readonly GraphQLEnumType SettlementLabel = StoredEnum.Create(Vocabularies.SettlementLabel);

    public static readonly GraphQLEnumType SourceKind = StoredEnum.Create(Vocabularies.SourceKind);

    public static readonly GraphQLEnumType ChangeKind = StoredEnum.Create(Vocabularies.ChangeKind);

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
        new EnumValueDefinition("NAME", ProjectSort.Name) { Description = "By name, ignoring the case of ASCII letters; the slug breaks ties." },
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
