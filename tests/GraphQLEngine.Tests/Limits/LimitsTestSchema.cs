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
            .Build();
        var thing = new ObjectTypeBuilder<object>("Thing")
            .Field("name", Scalars.String)
            .Field("items", new GraphQLList(item), f => f.Argument("first", Scalars.Int))
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
            .Field("version", Scalars.String)
            .Build();

        var schema = new GraphQLSchema(query);
        schema.AssertValid();
        return schema;
    }
}
