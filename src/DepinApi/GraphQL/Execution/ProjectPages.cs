using DepinApi.GraphQL.Types;
using DepinApi.ReadModel;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>Pages of <c>Query.projects</c>: keyset pagination over the read model, one command per page.</summary>
internal static class ProjectPages
{
    public static async Task<Connection<Project>> PageAsync(ResolveContext context)
    {
        if (ProjectListRequest.Refusal(context.Arguments) is { } refused)
            throw InvalidArgument.Error(refused);
        var request = ProjectListRequest.From(context.Arguments);
        var (query, first, cursor) = request;
        if (first < 0) throw NegativePageSize();
        var listName = request.ListName;
        var opened = cursor is null ? null : Cursors.Decode(context, listName, cursor, 2, ProjectListRequest.CursorArguments);

        var session = await context.SessionAsync();
        if (opened is not null) Cursors.CheckVersion(opened, session);
        var after = opened?.Position;
        // One row past the page says whether another follows, an empty page's too.
        var rows = await session.ProjectsAsync(query with { After = after is null ? null : (after[0], after[1]), Limit = first + 1 }, context.CancellationToken);
        var page = rows.Take(first).ToList();
        var encode = Cursors.Encoder(context, listName, session);
        return new Connection<Project>(
            page,
            p => encode([query.Sort == ProjectSort.Name ? p.Name : p.Slug, p.Slug]),
            HasNextPage: rows.Count > page.Count,
            HasPreviousPage: after is not null,
            TotalCount: async () => (await session.ProjectsAsync(query, context.CancellationToken)).Count);
    }

    private static GraphQLEngine.Error.GraphQLError NegativePageSize() =>
        new("Argument \"first\" must not be negative: expected a page size from 0 to the maximum page size.",
            extensions: new Dictionary<string, object?> { ["code"] = "BAD_PAGE_SIZE", ["argument"] = "first" });
}
