using System.Globalization;
using DepinApi.GraphQL.Types;
using DepinApi.ReadModel;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>Pages of <c>Query.changes</c>, keyset on (version, table, id).</summary>
internal static class ChangePages
{
    private const string ListName = "changes";

    public static async Task<Connection<DataChange>> PageAsync(ResolveContext context)
    {
        var first = context.GetArgument<int>("first");
        if (first < 0)
        {
            throw new GraphQLError("Argument \"first\" must not be negative: expected a page size from 0 to the maximum page size.",
                extensions: new Dictionary<string, object?> { ["code"] = "BAD_PAGE_SIZE", ["argument"] = "first" });
        }
        (int, string, string)? after = null;
        if (context.GetArgument<string>("after") is { } cursor)
        {
            var position = Cursors.Decode(context, ListName, cursor, 3);
            if (!int.TryParse(position[0], NumberStyles.None, CultureInfo.InvariantCulture, out var afterVersion)) throw Cursors.BadCursor();
            after = (afterVersion, position[1], position[2]);
        }
        var version = context.GetArgument<int?>("version");
        if (version < 1)
        {
            throw new GraphQLError($"Argument \"version\" must be a data version number, a whole number from 1; got {version}.",
                extensions: new Dictionary<string, object?> { ["code"] = "BAD_VERSION", ["argument"] = "version" });
        }
        var query = new ChangeQuery { Version = version, After = after };
        var session = await context.SessionAsync();
        // As REST's /v1/changes?version= answers it: a version past those served names none, not an empty list.
        if (version > session.Version.Id)
        {
            throw new GraphQLError(DataVersionNotFoundException.Describe(version.Value, session.Version.Id),
                extensions: new Dictionary<string, object?> { ["code"] = "DATA_VERSION_NOT_FOUND", ["argument"] = "version" });
        }
        // One row past the page says whether another follows, an empty page's too.
        var rows = await session.ChangesAsync(query with { Limit = first + 1 }, context.CancellationToken);
        var page = rows.Take(first).ToList();
        var encode = Cursors.Encoder(context, ListName);
        return new Connection<DataChange>(
            page,
            c => encode([c.Version.ToString(CultureInfo.InvariantCulture), c.Table, c.Id]),
            HasNextPage: rows.Count > page.Count,
            HasPreviousPage: after is not null,
            TotalCount: async () => checked((int)await session.CountChangesAsync(query.Version, context.CancellationToken)));
    }
}
