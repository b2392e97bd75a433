using DepinApi.GraphQL.Execution;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// Cursors in compiled results. Postgres cannot sign them (the key stays in the process), so a statement writes each
/// cursor as a marker (<see cref="CompiledMarkers"/>), <c>{"$cursor": [list, sort value, slug]}</c>, replaced after it
/// ran by the signed cursor, as the resolvers' <see cref="Cursors"/> sign it.
/// </summary>
internal static class CursorSigning
{
    public const string MarkerKey = "$cursor";

    /// <summary>SQL writing the marker for the position <paramref name="position"/> in the list named by the parameter <paramref name="list"/>.</summary>
    public static string Marker(string list, params string[] position) => CompiledMarkers.Marker(MarkerKey, [list, .. position]);

    /// <summary>The signed cursor a marker's values (the list, then the position) stand for.</summary>
    public static string Cursor(CursorCodec codec, MarkerValues values)
    {
        var position = new string[values.Count - 1];
        for (var i = 0; i < position.Length; i++) position[i] = values.TextOrNull(i + 1) ?? "";
        return Cursors.Create(codec, values.Text(0), position);
    }
}
