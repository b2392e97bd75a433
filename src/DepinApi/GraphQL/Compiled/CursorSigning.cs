using System.Globalization;
using DepinApi.GraphQL.Execution;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// Cursors in compiled results. Postgres cannot sign them (the key stays in the process), so a statement writes each
/// cursor as a marker (<see cref="CompiledMarkers"/>), <c>{"$cursor": [query, sort value, slug]}</c>, the query named by
/// its place among the statement's <see cref="SqlStatementBuilder.CursorQueries"/>, replaced after it ran by the signed
/// cursor, as the resolvers' <see cref="Cursors"/> sign it, with the data version the statement read.
/// </summary>
internal static class CursorSigning
{
    public const string MarkerKey = "$cursor";

    /// <summary>The name the statement's markers give <paramref name="query"/>: its place among the statement's cursor queries.</summary>
    public static int Name(SqlStatementBuilder sql, string query)
    {
        sql.CursorQueries.Add(query);
        return sql.CursorQueries.Count - 1;
    }

    /// <summary>SQL writing the marker for the position <paramref name="position"/> in the query named <paramref name="query"/>.</summary>
    public static string Marker(int query, params string[] position) =>
        CompiledMarkers.Marker(MarkerKey, [query.ToString(CultureInfo.InvariantCulture), .. position]);

    /// <summary>
    /// The signed cursor a marker's values (the query's name, then the position) stand for, in a statement whose cursor
    /// queries are <paramref name="queries"/> and which read data version <paramref name="version"/>.
    /// </summary>
    public static string Cursor(CursorCodec codec, IReadOnlyList<string> queries, int version, MarkerValues values)
    {
        var position = new string[values.Count - 1];
        for (var i = 0; i < position.Length; i++) position[i] = values.TextOrNull(i + 1) ?? "";
        return Cursors.Create(codec, queries[values.Int(0)], version, position);
    }
}
