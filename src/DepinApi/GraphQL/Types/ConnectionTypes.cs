using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The Relay connection types (<c>XConnection</c>, <c>XEdge</c>, <c>PageInfo</c>).</summary>
internal static class ConnectionTypes
{
    public static GraphQLObjectType PageInfo() => new ObjectTypeBuilder<PageInfoValue>("PageInfo")
        .Description("Where a page of a connection sits in the whole list (Relay cursor connections).")
        .Field("hasNextPage", new GraphQLNonNull(Scalars.Boolean), f => f
            .Description("Whether more items follow: pass endCursor as after to get them.")
            .Resolve(p => p.HasNextPage))
        .Field("hasPreviousPage", new GraphQLNonNull(Scalars.Boolean), f => f
            .Description("Whether the page started after a cursor.")
            .Resolve(p => p.HasPreviousPage))
        .Field("startCursor", Scalars.String, f => f.Description("The cursor of the page's first item; null for an empty page.").Resolve(p => p.StartCursor))
        .Field("endCursor", Scalars.String, f => f.Description("The cursor of the page's last item; null for an empty page.").Resolve(p => p.EndCursor))
        .Build();

    public static GraphQLObjectType Connection<T>(string nodeName, GraphQLObjectType nodeType, GraphQLObjectType pageInfo, string what)
    {
        var edge = new ObjectTypeBuilder<Edge<T>>(nodeName + "Edge")
            .Description($"One of the {what} of a page, with its cursor.")
            .Field("cursor", new GraphQLNonNull(Scalars.String), f => f.Description("Pass as after to continue after this item.").Resolve(e => e.Cursor))
            .Field("node", new GraphQLNonNull(nodeType), f => f.Description("The item.").Resolve(e => e.Node))
            .Build();

        return new ObjectTypeBuilder<Connection<T>>(nodeName + "Connection")
            .Description($"A page of {what} (a Relay cursor connection).")
            .Field("edges", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))), f => f
                .Description("The items of the page with their cursors.")
                .Resolve(c => c.Nodes.Select(n => new Edge<T>(c.CursorOf(n), n)).ToList()))
            .Field("nodes", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(nodeType))), f => f
                .Description("The items of the page.")
                .Resolve(c => c.Nodes))
            .Field("pageInfo", new GraphQLNonNull(pageInfo), f => f
                .Description("How to get the next page.")
                .Resolve(c => new PageInfoValue(
                    c.HasNextPage,
                    c.HasPreviousPage,
                    c.Nodes.Count == 0 ? null : c.CursorOf(c.Nodes[0]),
                    c.Nodes.Count == 0 ? null : c.CursorOf(c.Nodes[^1]))))
            .Field("totalCount", new GraphQLNonNull(Scalars.Int), f => f
                .Description($"How many {what} the whole list has, over all pages.")
                .ResolveAsync(async (c, _) => await c.TotalCount()))
            .Build();
    }

    /// <summary>The values behind <c>PageInfo</c>.</summary>
    internal sealed record PageInfoValue(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
}
