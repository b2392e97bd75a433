using System.Globalization;
using DepinApi.GraphQL.Types;
using DepinApi.ReadModel;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>Pages of <c>Query.changes</c>, keyset on (version, table, id).</summary>
internal static class ChangePages
{
    // What a refusal of a cursor says the list depends on (Cursors.BadCursor).
    private const string CursorArguments = "version";

    public static async Task<Connection<DataChange>> PageAsync(ResolveContext context)
    {
        var first = context.GetArgument<int>("first");
        if (first < 0)
        {
            throw new GraphQLError("Argument \"first\" must not be negative: expected a page size from 0 to the maximum page size.",
                extensions: new Dictionary<string, object?> { ["code"] = "BAD_PAGE_SIZE", ["argument"] = "first" });
        }
        var version = context.GetArgument<int?>("version");
        // One list per version argument: a cursor of one version's changes is refused by another's, and by all of them.
        var listName = $"changes:{version}";
        (int, string, string)? after = null;
        OpenedCursor? opened = null;
        if (context.GetArgument<string>("after") is { } cursor)
        {
            opened = Cursors.Decode(context, listName, cursor, 3, CursorArguments);
            var position = opened.Position;
            if (!int.TryParse(position[0], NumberStyles.None, CultureInfo.InvariantCulture, out var afterVersion)) throw Cursors.BadCursor(CursorArguments);
            after = (afterVersion, position[1], position[2]);
        }
        if (version < 1)
        {
            throw new GraphQLError($"Argument \"version\" must be a data version number, a whole number from 1; got {version}.",
                extensions: new Dictionary<string, object?> { ["code"] = "BAD_VERSION", ["argument"] = "version" });
        }
        var query = new ChangeQuery { Version = version, After = after };
        var session = await context.SessionAsync();
        if (opened is not null) Cursors.CheckVersion(opened, session);
        // As REST's /v1/changes?version= answers it: a version past those served names none, not an empty list.
        if (version > session.Version.Id)
        {
            throw new GraphQLError(DataVersionNotFoundException.Describe(version.Value, session.Version.Id),
                extensions: new Dictionary<string, object?> { ["code"] = "DATA_VERSION_NOT_FOUND", ["argument"] = "version" });
        }
        // One row past the page says whether another follows, an empty page's too.
        var rows = await session.ChangesAsync(query with { Limit = first + 1 }, context.CancellationToken);
        var page = rows.Take(first).ToList();
        var encode = Cursors.Encoder(context, listName, session);
        return new Connection<DataChange>(
            page,
            c => encode([c.Version.ToString(CultureInfo.InvariantCulture), c.Table, c.Id]),
            HasNextPage: rows.Count > page.Count,
            HasPreviousPage: after is not null,
            TotalCount: async () => checked((int)await session.CountChangesAsync(query.Version, context.CancellationToken)));
    }
}
