using DepinApi.ReadModel;
using DepinApi.Rest.Citations;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Models;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// What replaces the markers of one compiled response (<see cref="CompiledMarkers"/>): signed cursors
/// (<see cref="CursorSigning"/>), and permalinks and citations as REST writes them for the version read
/// (<see cref="CitationMarkers"/>).
/// </summary>
/// <param name="cursorQueries">The statement's cursor queries, which its cursor markers name (<see cref="CompiledStatement.CursorQueries"/>).</param>
internal sealed class MarkerReplacements(HttpContext http, int version, IReadOnlyList<string> cursorQueries)
{
    // Filled from the citation markers, each of which carries its project's name in the version read.
    private readonly Dictionary<string, string> projectNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> sources = new(StringComparer.Ordinal);
    private FigureViews? views;
    private CursorCodec? cursors;

    public string Of(string key, MarkerValues values) => key switch
    {
        CursorSigning.MarkerKey => CursorSigning.Cursor(cursors ??= http.RequestServices.GetRequiredService<CursorCodec>(), cursorQueries,
            version, values),
        CitationMarkers.MarkerKey => CitationMarkers.Text(views ??= new FigureViews(new Links(http.Request, version), projectNames),
            projectNames, sources, values),
        _ => throw new InvalidOperationException($"A compiled statement wrote the unknown marker {key}."),
    };
}
