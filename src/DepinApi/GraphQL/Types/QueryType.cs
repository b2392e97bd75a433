using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.Execution;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using DepinApi.Screening;
using DepinApi.SectorAnalytics;
using DepinApi.Series;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The root <c>Query</c> type.</summary>
internal static class QueryType
{
    // Written on every root field, so every introspection repeats it: the forms are the AsOf scalar's to describe.
    private const string AsOfDescription =
        "The data as served at a past version or day (see AsOf); the newest when omitted. One asOf per request.";

    public static ObjectTypeBuilder<object> Create(FigureTypes figures, GraphQLObjectType project, ScreeningTypes screening)
    {
        var analytics = SectorAnalyticsTypes.Create(figures.Source);
        var pageInfo = ConnectionTypes.PageInfo();
        var projectConnection = ConnectionTypes.Connection<Project>("Project", project, pageInfo, "projects");
        var changeConnection = ConnectionTypes.Connection<DataChange>("DataChange", HistoryTypes.DataChange(), pageInfo, "data changes");
        var sectorSummary = SectorSummaryType.Create(project, summary => summary
            .Field("analytics", new GraphQLNonNull(analytics), f => f
                .Description("Sector analytics over this sector's projects (computed per sector: a few SQL commands each).")
                .Argument("quarter", QuarterScalar.Type, "Only this quarter's revenue concentration.")
                .Argument("metric", DepinEnums.RevenueMetric, "Only this revenue metric's concentration.")
                .Metadata(GraphQLEngine.Limits.CostMetadata.Cost, 5)
                .ResolveAsync(async (s, c) => await c.RequestServices!.GetRequiredService<SectorAnalyticsService>().AnalyseAsync(
                    await c.SessionAsync(), s.Sector, c.GetArgument<Quarter?>("quarter"), c.GetArgument<string>("metric"), c.CancellationToken))));

        return new ObjectTypeBuilder<object>("Query")
            .Description("The DePIN fundamentals API: projects, their revenue, settlement mix and token prices, each figure with its source. Read-only.")
            .Field("projects", new GraphQLNonNull(projectConnection), f => f
                .Description("Projects, a page at a time (Relay cursor connection).")
                .Argument("filter", ProjectListArguments.Filter(), "Only the projects that match.")
                .Argument("orderBy", ProjectListArguments.Order(), "The order; by slug ascending when omitted.")
                .Argument("first", new GraphQLNonNull(Scalars.Int), "How many projects to return, at most the maximum page size (100).", 20)
                .Argument("after", Scalars.String, "Return the projects after this cursor: a pageInfo.endCursor or edge cursor from the same filter, orderBy "
                    + "and asOf, read from the data version this request reads.")
                .AsOf()
                .ResolveAsync((_, c) => ProjectPages.PageAsync(c)))
            .Field("project", project, f => f
                .Description("One project by slug; null when there is none.")
                .Argument("slug", new GraphQLNonNull(Scalars.String),
                    "The project's slug, e.g. helium. Another name of one project finds it too, as REST redirects it: its token "
                    + "symbol (hnt), its name (io.net) or name as a slug (akash-network), a former slug, in any case; the "
                    + "project returned carries its canonical slug.")
                .AsOf()
                .ResolveAsync(async (_, c) => await (await c.SessionAsync()).ProjectNamedAsync(c.GetArgument<string>("slug")!, c.CancellationToken)))
            .Field("revenue", ProjectType.NonNullList(figures.Revenue), f => f
                .Description("Revenue figures of every project, in project, quarter, metric, id order.")
                .Argument("quarter", QuarterScalar.Type, "Only this quarter, e.g. 2026Q2; every quarter when omitted.")
                .Argument("metric", DepinEnums.RevenueMetric, "Only this metric.")
                .Argument("units", new GraphQLNonNull(DepinEnums.Units), "How value presents each project's series.", SeriesUnits.Lin)
                .AsOf()
                .ResolveAsync(async (_, c) =>
                {
                    var quarter = c.GetArgument<Quarter?>("quarter");
                    var metric = c.GetArgument<string>("metric");
                    var units = c.GetArgument<SeriesUnits>("units");
                    var series = await RevenueSeries.ReadAsync(await c.SessionAsync(), null, metric is null ? null : [metric],
                        quarter, quarter, units, c.CancellationToken);
                    return series.Select(p => new RevenueFigureInUnits(p.Figure, units, p.Value)).ToList();
                }))
            .Field("settlementMix", ProjectType.NonNullList(figures.SettlementMix), f => f
                .Description("The settlement mix of every project.")
                .AsOf()
                .ResolveAsync(async (_, c) => await (await c.SessionAsync()).SettlementMixAsync(new FigureQuery(), c.CancellationToken)))
            .Field("tokenPrices", ProjectType.NonNullList(figures.TokenPrice), f => f
                .Description("Token prices and price changes of every project, in project, date, id order.")
                .Argument("date", DateScalar.Type, "Only this day, e.g. 2026-06-01; every day when omitted.")
                .AsOf()
                .ResolveAsync(async (_, c) =>
                {
                    var date = c.GetArgument<DateOnly?>("date");
                    var prices = new List<TokenPrice>();
                    await foreach (var price in (await c.SessionAsync()).TokenPricesAsync(new PriceQuery { From = date, To = date }, c.CancellationToken))
                        prices.Add(price);
                    return prices;
                }))
            .Field("sectors", ProjectType.NonNullList(sectorSummary), f => f
                .Description("The sectors that have projects, with their projects.")
                .AsOf()
                .ResolveAsync(async (_, c) => SectorSummaryType.Group(
                    await (await c.SessionAsync()).ProjectsBySectorAsync(c.CancellationToken))))
            .Field("sectorAnalytics", new GraphQLNonNull(analytics), f => f
                .Description("Sector analytics over every project, or one sector's.")
                .Argument("sector", DepinEnums.Sector, "Only this sector's projects.")
                .Argument("quarter", QuarterScalar.Type, "Only this quarter's revenue concentration.")
                .Argument("metric", DepinEnums.RevenueMetric, "Only this revenue metric's concentration.")
                .AsOf()
                .ResolveAsync(async (_, c) => await c.RequestServices!.GetRequiredService<SectorAnalyticsService>().AnalyseAsync(
                    await c.SessionAsync(), c.GetArgument<string>("sector"), c.GetArgument<Quarter?>("quarter"), c.GetArgument<string>("metric"),
                    c.CancellationToken)))
            .Field("screening", new GraphQLNonNull(screening.Report), f => f
                .Description("Screening scores of every project (or one sector's), ranked; see docs/methodology.md.")
                .Argument("sector", DepinEnums.Sector, "Only this sector's projects, in sector-rank order (ranks stay the overall ones).")
                .AsOf()
                .ResolveAsync(async (_, c) => await c.RequestServices!.GetRequiredService<ScreeningService>().ScreenAsync(
                    await c.SessionAsync(), c.GetArgument<string>("sector"), c.CancellationToken)))
            .Field("sectorFigures", ProjectType.NonNullList(figures.SectorFigure), f => f
                .Description("Figures about the DePIN sector as a whole or its compute networks.")
                .Argument("scope", DepinEnums.SectorScope, "Only figures of this scope.")
                .AsOf()
                .ResolveAsync(async (_, c) =>
                {
                    var scope = c.GetArgument<string>("scope");
                    return await (await c.SessionAsync()).SectorFiguresAsync(new FigureQuery { Projects = scope is null ? null : [scope] }, c.CancellationToken);
                }))
            .Field("sources", ProjectType.NonNullList(figures.Source), f => f
                .Description("Every source the figures cite, by id.")
                .AsOf()
                .ResolveAsync(async (_, c) => await (await c.SessionAsync()).SourcesAsync(c.CancellationToken)))
            .Field("changes", new GraphQLNonNull(changeConnection), f => f
                .Description("What each data version added, changed or removed, oldest first, a page at a time.")
                .Argument("version", Scalars.Int, "Only this data version's changes; every version up to the one read when omitted.")
                .Argument("first", new GraphQLNonNull(Scalars.Int), "How many changes to return, at most the maximum page size (100).", 100)
                .Argument("after", Scalars.String, "Return the changes after this cursor: an endCursor or edge cursor from the same version and asOf, "
                    + "read from the data version this request reads.")
                .AsOf()
                .ResolveAsync((_, c) => ChangePages.PageAsync(c)))
            .Field("meta", new GraphQLNonNull(HistoryTypes.Meta()), f => f
                .Description("The data version this response reads.")
                .AsOf()
                .ResolveAsync(async (_, c) => (await c.SessionAsync()).Version));
    }

    private static FieldBuilder<object> AsOf(this FieldBuilder<object> field) =>
        field.Argument(RequestAsOf.ArgumentName, AsOfScalar.Type, AsOfDescription);
}
