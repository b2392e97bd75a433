using DepinApi.GraphQL.Types;
using DepinApi.ReadModel;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>Pages of <c>Query.projects</c>: keyset pagination over the read model, one command per page.</summary>
internal static class ProjectPages
{
    public static async Task<Connection<Project>> PageAsync(ResolveContext context)
    {
        var filter = context.GetArgument<Dictionary<string, object?>>("filter");
        var order = context.GetArgument<Dictionary<string, object?>>("orderBy");
        var sort = order?.GetValueOrDefault("field") is ProjectSort field ? field : ProjectSort.Slug;
        var descending = order?.GetValueOrDefault("direction") is true;
        var first = context.GetArgument<int>("first");
        if (first < 0)
        {
            throw new GraphQLEngine.Error.GraphQLError("Argument \"first\" must not be negative: expected a page size from 0 to the maximum page size.",
                extensions: new Dictionary<string, object?> { ["code"] = "BAD_PAGE_SIZE", ["argument"] = "first" });
        }
        var listName = $"projects:{sort}:{(descending ? "desc" : "asc")}";

        var query = new ProjectQuery
        {
            Sector = filter?.GetValueOrDefault("sector") as string,
            Search = filter?.GetValueOrDefault("search") as string,
            Slugs = (filter?.GetValueOrDefault("slugs") as IEnumerable<object?>)?.OfType<string>().ToArray(),
            Sort = sort,
            Descending = descending,
        };
        var after = context.GetArgument<string>("after") is { } cursor ? Cursors.Decode(listName, cursor, 2) : null;

        var session = await context.SessionAsync();
        var rows = first == 0
            ? []
            : await session.ProjectsAsync(query with { After = after is null ? null : (after[0], after[1]), Limit = first + 1 }, context.CancellationToken);
        var page = rows.Take(first).ToList();
        return new Connection<Project>(
            page,
            p => Cursors.Encode(listName, sort == ProjectSort.Name ? p.Name : p.Slug, p.Slug),
            HasNextPage: rows.Count > page.Count,
            HasPreviousPage: after is not null,
            TotalCount: async () => (await session.ProjectsAsync(query, context.CancellationToken)).Count);
    }
}
