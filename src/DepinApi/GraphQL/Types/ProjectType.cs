using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.Execution;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using DepinApi.Series;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The <c>Project</c> type: a network and every figure about it, each kind loaded in one batch per request level.</summary>
internal static class ProjectType
{
    public static GraphQLObjectType Create(FigureTypes figures, Action<ObjectTypeBuilder<Project>>? extend = null)
    {
        var builder = new ObjectTypeBuilder<Project>("Project")
            .Description("A DePIN project: its network, token and every figure the API holds about it.")
            .Field("slug", new GraphQLNonNull(Scalars.String), f => f.Description("The project's permanent id in URLs, e.g. helium.").Resolve(p => p.Slug))
            .Field("name", new GraphQLNonNull(Scalars.String), f => f.Description("Its name.").Resolve(p => p.Name))
            .Field("sector", new GraphQLNonNull(DepinEnums.Sector), f => f.Description("Its sector.").Resolve(p => p.Sector))
            .Field("subTrack", new GraphQLNonNull(Scalars.String), f => f.Description("Its niche within the sector, e.g. Mobile Network.").Resolve(p => p.SubTrack))
            .Field("tokenSymbol", new GraphQLNonNull(Scalars.String), f => f.Description("Its token's ticker, e.g. HNT.").Resolve(p => p.TokenSymbol))
            .Field("chain", Scalars.String, f => f.Description("The blockchain its token lives on.").Resolve(p => p.Chain))
            .Field("website", Scalars.String, f => f.Description("Its website.").Resolve(p => p.Website))
            .Field("description", new GraphQLNonNull(Scalars.String), f => f.Description("What the network does.").Resolve(p => p.Description))
            .Field("revenue", NonNullList(figures.Revenue), f => f
                .Description("Its revenue figures in quarter, metric, id order; several figures of one quarter and metric are all listed, each with its source.")
                .Argument("from", QuarterScalar.Type, "The first quarter, e.g. 2025Q1, not after to (else an error); from the earliest when omitted.")
                .Argument("to", QuarterScalar.Type, "The last quarter, e.g. 2026Q2; to the latest when omitted.")
                .Argument("metric", DepinEnums.RevenueMetric, "Only figures of this metric.")
                .Argument("units", new GraphQLNonNull(DepinEnums.Units), "How value presents the series (amountUsd is always the level).", SeriesUnits.Lin)
                .Metadata(CostMetadata.ListSize, 8)
                .ResolveAsync((p, c) =>
                {
                    var (from, to) = (c.GetArgument<Quarter?>("from"), c.GetArgument<Quarter?>("to"));
                    InvalidArgument.InOrder("from", from, "to", to);
                    return FigureLoaders.RevenueAsync(c, p.Slug, from, to, c.GetArgument<string>("metric"), c.GetArgument<SeriesUnits>("units"));
                }))
            .Field("settlementMix", NonNullList(figures.SettlementMix), f => f
                .Description("How its fees are settled, oldest first.")
                .Metadata(CostMetadata.ListSize, 2)
                .ResolveAsync((p, c) => FigureLoaders.SettlementMixAsync(c, p.Slug)))
            .Field("tokenPrices", NonNullList(figures.TokenPrice), f => f
                .Description("Its token's prices and price changes, oldest first.")
                .Argument("from", DateScalar.Type, "The first day, not after to (else an error); from the earliest when omitted.")
                .Argument("to", DateScalar.Type, "The last day; to the latest when omitted.")
                .ResolveAsync((p, c) =>
                {
                    var (from, to) = (c.GetArgument<DateOnly?>("from"), c.GetArgument<DateOnly?>("to"));
                    InvalidArgument.InOrder("from", from, "to", to);
                    return FigureLoaders.TokenPricesAsync(c, p.Slug, from, to);
                }))
            .Field("latestPrice", figures.TokenPrice, f => f
                .Description("Its newest stated price (rows that state only a change are skipped); null when none is known.")
                .ResolveAsync((p, c) => FigureLoaders.LatestPriceAsync(c, p.Slug)))
            .Field("metrics", NonNullList(figures.NetworkMetric), f => f
                .Description("Usage and supply figures of its network.")
                .Argument("metric", Scalars.String,
                    "Only this metric, e.g. active_compute_clients: one some project's network metrics state (another is an error "
                    + "listing them; a metric of other projects only is an empty list).")
                .ResolveAsync(async (p, c) =>
                {
                    var metric = c.GetArgument<string>("metric");
                    if (metric is not null
                        && QueryParsing.NotOneOf("metric", metric, await c.State().NetworkMetricNamesAsync(c), QueryParsing.Argument) is { } refused)
                        throw InvalidArgument.Error(refused);
                    return await FigureLoaders.MetricsAsync(c, p.Slug, metric);
                }))
            .Field("sources", NonNullList(figures.Source), f => f
                .Description("Every source its figures cite, by id.")
                .Metadata(CostMetadata.ListSize, 3)
                .ResolveAsync((p, c) => FigureLoaders.SourcesAsync(c, p.Slug)));
        extend?.Invoke(builder);
        return builder.Build();
    }

    public static GraphQLNonNull NonNullList(GraphQLType item) => new(new GraphQLList(new GraphQLNonNull(item)));
}
