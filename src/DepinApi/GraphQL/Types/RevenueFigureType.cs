using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.Execution;
using DepinApi.GraphQL.ScalarTypes;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

internal static class RevenueFigureType
{
    public static GraphQLObjectType Create(GraphQLObjectType source) => new ObjectTypeBuilder<RevenueFigureInUnits>("RevenueFigure")
        .Description("A revenue figure of one project for one quarter and metric, as one source states it.")
        .Id(v => v.Figure.Id)
        .ProjectSlug(v => v.Figure.Project)
        .Field("quarter", new GraphQLNonNull(QuarterScalar.Type), f => f
            .Description("The quarter the figure belongs to (a fiscal-year figure sits in its fourth quarter).")
            .Resolve(v => v.Figure.Quarter))
        .Field("metric", new GraphQLNonNull(DepinEnums.RevenueMetric), f => f.Description("What the figure measures.").Resolve(v => v.Figure.Metric))
        .Field("amountUsd", new GraphQLNonNull(DecimalScalar.Type), f => f
            .Description("The amount in US dollars, as stated (the level, whatever units are asked for).")
            .Resolve(v => v.Figure.AmountUsd))
        .Field("units", new GraphQLNonNull(DepinEnums.Units), f => f.Description("The units value is given in.").Resolve(v => v.Units))
        .Field("value", DecimalScalar.Type, f => f
            .Description("The figure in the requested units: amountUsd for LIN, else the change against the same series' earlier "
                         + "quarter; null when that quarter has no single figure to compare with.")
            .Resolve(v => v.Value))
        .Provenance(source, v => v.Figure.Basis, v => v.Figure.Qualifier, v => v.Figure.Source, v => v.Figure.Quote)
        .Field("preferred", new GraphQLNonNull(Scalars.Boolean), f => f
            .Description("Whether this is the statement to cite when a source states the project's quarter and metric more than "
                         + "once (\"over $500 million\" and \"about $520 million\"): the one REST's /v1/revenue chooses.")
            .ResolveAsync(async (v, c) => (await c.PreferredRevenueAsync().ConfigureAwait(false)).IsPreferred(v.Figure)))
        .Citable((views, v) => views.Cite(v.Figure, v.Units, v.Value))
        .Build();
}
