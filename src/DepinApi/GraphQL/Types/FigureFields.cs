using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.Execution;
using DepinApi.ReadModel;
using DepinApi.Rest.Models;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The fields every figure carries: where it comes from and how sure it is.</summary>
internal static class FigureFields
{
    public static ObjectTypeBuilder<T> Provenance<T>(
        this ObjectTypeBuilder<T> type, GraphQLObjectType sourceType, Func<T, string> basis, Func<T, string?> qualifier,
        Func<T, Source> source, Func<T, string> quote) => type
        .Field("basis", new GraphQLNonNull(DepinEnums.Basis), f => f
            .Description("Whether the figure is disclosed (by the project, on chain, or a market price) or an estimate.")
            .Resolve(v => basis(v)))
        .Field("qualifier", DepinEnums.Qualifier, f => f
            .Description("How the source qualifies the number (\"about\", \"over\", …); null when it states it plainly.")
            .Resolve(v => qualifier(v)))
        .Field("source", new GraphQLNonNull(sourceType), f => f
            .Description("The publication the figure comes from.")
            .Resolve(v => source(v)))
        .Field("quote", new GraphQLNonNull(Scalars.String), f => f
            .Description("The sentence (or table row) of the source that states the figure, verbatim.")
            .Resolve(v => quote(v)));

    /// <summary>
    /// <c>permalink</c> and <c>citation</c>, written by REST's view of the same figure (<paramref name="view"/>), so the
    /// two APIs give one figure the same URL and the same sentence.
    /// </summary>
    public static ObjectTypeBuilder<T> Citable<T>(this ObjectTypeBuilder<T> type, Func<FigureViews, T, (string Permalink, string Citation)> view) => type
        .Field("permalink", new GraphQLNonNull(Scalars.String), f => f
            .Description("The figure's permanent URL (REST), pinned to the data version it was read from with asOf.")
            .ResolveAsync(async (v, c) => view(await c.FigureViewsAsync().ConfigureAwait(false), v).Permalink))
        .Field("citation", new GraphQLNonNull(Scalars.String), f => f
            .Description("A ready-to-paste sentence: the figure in the source's words, its basis, the source and the permalink "
                         + "(the same text as REST's).")
            .ResolveAsync(async (v, c) => view(await c.FigureViewsAsync().ConfigureAwait(false), v).Citation));

    public static ObjectTypeBuilder<T> Id<T>(this ObjectTypeBuilder<T> type, Func<T, string> id) => type
        .Field("id", new GraphQLNonNull(Scalars.ID), f => f
            .Description("The figure's permanent id, the same as in REST and the seed data.")
            .Resolve(v => id(v)));

    public static ObjectTypeBuilder<T> ProjectSlug<T>(this ObjectTypeBuilder<T> type, Func<T, string> project) => type
        .Field("project", new GraphQLNonNull(Scalars.String), f => f
            .Description("The slug of the project the figure is about.")
            .Resolve(v => project(v)));
}
