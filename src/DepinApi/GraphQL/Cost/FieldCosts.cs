using DepinApi.GraphQL.Enums;
using DepinApi.ReadModel;
using DepinApi.Screening;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Cost;

/// <summary>
/// What the cost model needs to know about this schema's fields, in one place: every list field whose length the
/// data decides is charged by <see cref="ListBounds"/> (the longest such list in any data version), tightened by the
/// arguments that bound it; lists whose length the schema fixes declare it; and the single objects that read data
/// cost a point each, so that no response holds more than a constant number of objects per point, however many
/// aliases it uses. <see cref="DepinSchema"/> attaches them to the fields.
/// </summary>
/// <remarks>
/// Until the bounds have been read (the database unreachable at start), lists fall back to their declared size or
/// the default: no data can be served then either. Connections (<c>projects</c>, <c>changes</c>) are paged by
/// <c>first</c> instead.
/// </remarks>
public sealed class FieldCosts(CurrentListBounds bounds)
{
    public FieldCosts()
        : this(new CurrentListBounds())
    {
    }

    /// <summary>The bounds in force; null until first read.</summary>
    public ListBounds? Current
    {
        get => bounds.Value;
        set => bounds.Value = value;
    }

    /// <summary>Fields whose list length the data decides: coordinate, and the bound from the bounds and arguments.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<ListBounds, IReadOnlyDictionary<string, object?>, long>> Bounds =
        new Dictionary<string, Func<ListBounds, IReadOnlyDictionary<string, object?>, long>>
        {
            ["Query.revenue"] = (b, a) => (Get<Quarter>(a, "quarter"), Text(a, "metric")) switch
            {
                ({ }, { }) => b.RevenuePerQuarterMetric,
                ({ }, null) => b.RevenuePerQuarter,
                (null, { }) => b.RevenuePerMetric,
                _ => b.Revenue,
            },
            ["Query.settlementMix"] = (b, _) => b.SettlementMix,
            ["Query.tokenPrices"] = (b, a) => Get<DateOnly>(a, "date") is null ? b.TokenPrices : b.TokenPricesPerDay,
            ["Query.sectorFigures"] = (b, a) => Text(a, "scope") is null ? b.SectorFigures : b.SectorFiguresPerScope,
            ["Query.sources"] = (b, _) => b.Sources,
            ["Project.revenue"] = (b, a) =>
            {
                var whole = Text(a, "metric") is null ? b.RevenuePerProject : b.RevenuePerProjectMetric;
                return Get<Quarter>(a, "from") is { } from && Get<Quarter>(a, "to") is { } to
                    ? Math.Min(whole, Math.Max(0, to.Ordinal - from.Ordinal + 1) * b.RevenuePerProjectQuarter)
                    : whole;
            },
            ["Project.settlementMix"] = (b, _) => b.SettlementMixPerProject,
            ["Project.tokenPrices"] = (b, a) =>
                Get<DateOnly>(a, "from") is { } from && Get<DateOnly>(a, "to") is { } to
                    ? Math.Min(b.TokenPricesPerProject, Math.Max(0, to.DayNumber - from.DayNumber + 1) * b.TokenPricesPerProjectDay)
                    : b.TokenPricesPerProject,
            ["Project.metrics"] = (b, a) => Text(a, "metric") is null ? b.MetricsPerProject : b.MetricsPerProjectMetric,
            // A project cites at most every source there is.
            ["Project.sources"] = (b, _) => b.Sources,
            ["SectorSummary.projects"] = (b, _) => b.ProjectsPerSector,
            ["ScreeningReport.projects"] = (b, _) => b.Projects,
            // Evidence components list one input per claim of their kind; the other formulas at most three.
            ["ComponentScore.inputs"] = (b, _) => Math.Max(3, b.EvidencePerProjectKind),
            ["SectorAnalytics.revenue"] = (b, _) => b.RevenueQuarterMetricPairs,
            ["SectorAnalytics.impliedPrices"] = (b, _) => b.Projects,
            ["SectorAnalytics.revenueMultiples"] = (b, _) => b.SectorFigures,
            ["RevenueConcentration.projects"] = (b, _) => b.Projects,
        };

    /// <summary>Fields whose list length the schema or the methodology fixes.</summary>
    internal static IReadOnlyDictionary<string, int> Declared { get; } = new Dictionary<string, int>
    {
        ["Query.sectors"] = DepinEnums.Sector.GetValues().Count,
        ["ScreeningReport.weights"] = Methodology.Components.Count,
        ["ProjectScreening.components"] = Methodology.Components.Count,
    };

    /// <summary>
    /// Single objects that cost a point each: what a root field or a project reads on its own. Without it thirty
    /// aliases of <c>project(slug:)</c> with its description, latest price and screening would be charged one point.
    /// </summary>
    internal static IReadOnlyList<string> PointEach { get; } =
    [
        "Query.project", "Query.meta", "Query.sectorAnalytics", "Query.screening", "Query.rateLimit",
        "Project.latestPrice", "Project.screening",
    ];

    /// <summary>Puts the sizes and costs on the schema's fields.</summary>
    internal void AttachTo(GraphQLSchema schema)
    {
        foreach (var (coordinate, bound) in Bounds)
        {
            Field(schema, coordinate).Metadata[CostMetadata.ListSizeBound] =
                (ListSizeBound)(arguments => Current is { } read ? bound(read, arguments) : null);
        }
        foreach (var (coordinate, size) in Declared)
            Field(schema, coordinate).Metadata[CostMetadata.ListSize] = size;
        foreach (var coordinate in PointEach)
            Field(schema, coordinate).Metadata[CostMetadata.Cost] = 1;
    }

    private static FieldDefinition Field(GraphQLSchema schema, string coordinate)
    {
        var (type, field) = (coordinate[..coordinate.IndexOf('.')], coordinate[(coordinate.IndexOf('.') + 1)..]);
        return ((GraphQLImplementingType)schema.GetType(type)!).GetFields()[field];
    }

    private static T? Get<T>(IReadOnlyDictionary<string, object?> arguments, string name) where T : struct =>
        arguments.TryGetValue(name, out var value) && value is T typed ? typed : null;

    private static string? Text(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value as string : null;
}
