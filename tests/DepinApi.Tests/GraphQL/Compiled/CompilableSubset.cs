namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>A field a generated query may select; <see cref="Type"/> is the object type it returns, null for a leaf.</summary>
public sealed record SubsetField(string Name, string? Type = null)
{
    public bool IsLeaf => Type is null;
}

/// <summary>
/// The part of the schema compiled execution covers, per output type: what the generator may select without the
/// operation falling back to resolvers. Arguments are the generator's business (some values, such as a revenue
/// <c>units</c> other than LIN, fall outside even though the field is inside).
/// </summary>
public static class CompilableSubset
{
    public const string Root = "Query";

    private static readonly SubsetField Source = new("source", "Source");

    public static IReadOnlyDictionary<string, IReadOnlyList<SubsetField>> Fields { get; } = new Dictionary<string, IReadOnlyList<SubsetField>>
    {
        ["Query"] =
        [
            new("projects", "ProjectConnection"), new("project", "Project"), new("revenue", "RevenueFigure"),
            new("settlementMix", "SettlementMix"), new("tokenPrices", "TokenPrice"), new("sectorFigures", "SectorFigure"),
            new("sources", "Source"), new("sectors", "SectorSummary"), new("meta", "Meta"),
        ],
        ["Meta"] = [new("dataVersion"), new("importedAt")],
        ["SectorSummary"] = [new("sector"), new("projectCount"), new("projects", "Project")],
        ["ProjectConnection"] = [new("nodes", "Project"), new("edges", "ProjectEdge"), new("totalCount"), new("pageInfo", "PageInfo")],
        ["ProjectEdge"] = [new("cursor"), new("node", "Project")],
        ["PageInfo"] = [new("hasNextPage"), new("hasPreviousPage"), new("startCursor"), new("endCursor")],
        ["Project"] =
        [
            new("slug"), new("name"), new("sector"), new("subTrack"), new("tokenSymbol"), new("chain"), new("website"),
            new("description"), new("revenue", "RevenueFigure"), new("settlementMix", "SettlementMix"),
            new("tokenPrices", "TokenPrice"), new("latestPrice", "TokenPrice"), new("metrics", "NetworkMetric"),
            new("sources", "Source"),
        ],
        ["RevenueFigure"] =
        [
            new("id"), new("project"), new("quarter"), new("metric"), new("amountUsd"), new("units"), new("value"),
            new("basis"), new("qualifier"), new("preferred"), Source, new("quote"), new("permalink"), new("citation"),
        ],
        ["SettlementMix"] =
        [
            new("id"), new("project"), new("date"), new("stablecoinShare"), new("nativeShare"), new("label"), new("shareOf"),
            new("basis"), new("qualifier"), Source, new("quote"), new("permalink"), new("citation"),
        ],
        ["TokenPrice"] =
        [
            new("id"), new("project"), new("tokenSymbol"), new("date"), new("priceUsd"), new("change30d"), new("change90d"),
            new("change1y"), new("basis"), new("qualifier"), Source, new("quote"), new("permalink"), new("citation"),
        ],
        ["NetworkMetric"] =
        [
            new("id"), new("project"), new("period"), new("periodStart"), new("periodEnd"), new("metric"), new("value"),
            new("valueMax"), new("unit"), new("basis"), new("qualifier"), Source, new("quote"), new("permalink"), new("citation"),
        ],
        ["SectorFigure"] =
        [
            new("id"), new("scope"), new("period"), new("periodStart"), new("periodEnd"), new("metric"), new("value"),
            new("valueMax"), new("unit"), new("basis"), new("qualifier"), Source, new("quote"), new("permalink"), new("citation"),
        ],
        ["Source"] = [new("id"), new("publisher"), new("title"), new("publishedOn"), new("publishedLabel"), new("kind"), new("url")],
    };
}
