using GraphQLEngine.Limits;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Limits;

/// <summary>
/// A schema with the shapes the cost model tells apart: Relay connections, paginated lists, plain lists, lists of
/// scalars, a page size with a default, and fields declaring cost metadata.
/// </summary>
internal static class LimitsTestSchema
{
    public static GraphQLSchema Schema { get; } = Build();

    private static GraphQLSchema Build()
    {
        var issue = new ObjectTypeBuilder<object>("Issue")
            .Field("title", Scalars.String)
            .Build();
        var issueConnection = new ObjectTypeBuilder<object>("IssueConnection")
            .Field("nodes", new GraphQLList(issue))
            .Field("totalCount", Scalars.Int)
            .Build();
        var repository = new ObjectTypeBuilder<object>("Repository")
            .Field("name", Scalars.String)
            .Field("issues", issueConnection, f => f.Argument("first", Scalars.Int).Argument("last", Scalars.Int))
            .Build();
        var repositoryEdge = new ObjectTypeBuilder<object>("RepositoryEdge")
            .Field("cursor", Scalars.String)
            .Field("node", repository)
            .Build();
        var pageInfo = new ObjectTypeBuilder<object>("PageInfo")
            .Field("hasNextPage", Scalars.Boolean)
            .Build();
        var repositoryConnection = new ObjectTypeBuilder<object>("RepositoryConnection")
            .Field("edges", new GraphQLList(repositoryEdge))
            .Field("nodes", new GraphQLList(repository))
            .Field("pageInfo", pageInfo)
            .Field("totalCount", Scalars.Int)
            .Build();

        GraphQLObjectType? item = null;
        item = new ObjectTypeBuilder<object>("Item")
            .Field("name", Scalars.String)
            .Field("child", () => item!)
            .Field("children", () => new GraphQLList(item!), f => f.Argument("first", Scalars.Int, defaultValue: 5))
            .Field("pages", () => new GraphQLList(item!), f => f.Argument("first", new GraphQLNonNull(Scalars.Int), defaultValue: 3))
            .Build();
        var thing = new ObjectTypeBuilder<object>("Thing")
            .Field("name", Scalars.String)
            .Field("items", new GraphQLList(item), f => f.Argument("first", Scalars.Int))
            .Build();

        var window = new InputObjectTypeBuilder("Window")
            .Field("days", Scalars.Int, defaultValue: 7)
            .Build();

        var query = new ObjectTypeBuilder<object>("Query")
            .Field("repositories", repositoryConnection, f => f.Argument("first", Scalars.Int).Argument("last", Scalars.Int))
            .Field("items", new GraphQLList(item), f => f.Argument("first", Scalars.Int).Argument("last", Scalars.Int))
            .Field("item", item)
            .Field("things", new GraphQLList(thing))
            .Field("quarters", new GraphQLList(thing), f => f.Metadata(CostMetadata.ListSize, 4))
            .Field("report", thing, f => f.Metadata(CostMetadata.Cost, 5))
            .Field("heavyThings", new GraphQLList(thing), f => f.Metadata(CostMetadata.Cost, 3).Metadata(CostMetadata.ListSize, 2))
            .Field("tags", new GraphQLList(Scalars.String))
            .Field("series", new GraphQLList(thing), f => f
                .Argument("from", Scalars.Int)
                .Argument("to", Scalars.Int)
                .Argument("window", window)
                .Metadata(CostMetadata.ListSize, 4)
                .Metadata(CostMetadata.ListSizeBound, (ListSizeBound)SeriesBound))
            .Field("unbounded", new GraphQLList(thing), f => f
                .Metadata(CostMetadata.ListSize, 4)
                .Metadata(CostMetadata.ListSizeBound, (ListSizeBound)(_ => null)))
            .Field("legacy", Scalars.String, f => f.Deprecated("Use version."))
            .Field("version", Scalars.String)
            .Build();

        var schema = new GraphQLSchema(query);
        schema.AssertValid();
        return schema;
    }

    /// <summary>
    /// A series of 1,000 items: <c>from</c>/<c>to</c> bound it to the days between them, a <c>window</c> to its
    /// <c>days</c> (7 by default, as coerced).
    /// </summary>
    public static long? SeriesBound(IReadOnlyDictionary<string, object?> arguments)
    {
        if (arguments.TryGetValue("window", out var window) && window is IReadOnlyDictionary<string, object?> w && w["days"] is int days)
            return days;
        var from = arguments.TryGetValue("from", out var f) && f is int first ? first : 1;
        var to = arguments.TryGetValue("to", out var t) && t is int last ? last : 1_000;
        return Math.Max(0, to - from + 1);
    }
}
