using GraphQLEngine.Language;

namespace GraphQLEngine.Error;

/// <summary>A line and column in the request document, both 1-based, as the spec's error format has them.</summary>
public readonly record struct ErrorLocation(int Line, int Column);

/// <summary>
/// An error as the response's <c>errors</c> list carries it: a message, where in the document it
/// arose, and (for execution errors) the response path of the field that raised it.
/// </summary>
/// <remarks>
/// Shaped after graphql-js's <c>GraphQLError</c>. The original exception, when there was one, is
/// kept for logging but never serialised, so internal details do not reach clients.
/// </remarks>
public sealed class GraphQLError : Exception
{
    public GraphQLError(
        string message,
        IReadOnlyList<Node>? nodes = null,
        IReadOnlyList<object>? path = null,
        Exception? originalError = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        IReadOnlyList<ErrorLocation>? locations = null)
        : base(message, originalError)
    {
        Nodes = nodes ?? [];
        Path = path;
        OriginalError = originalError;
        Extensions = extensions;
        Locations = locations ?? LocationsOf(Nodes);
    }

    /// <summary>The AST nodes the error is about (may be empty).</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>Where in the document; empty when the nodes carry no location.</summary>
    public IReadOnlyList<ErrorLocation> Locations { get; }

    /// <summary>Response keys (string) and list indices (int) leading to the failing field; null outside execution.</summary>
    public IReadOnlyList<object>? Path { get; }

    public Exception? OriginalError { get; }

    /// <summary>Serialised as the error's <c>extensions</c> entry when not null.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    private static IReadOnlyList<ErrorLocation> LocationsOf(IReadOnlyList<Node> nodes)
    {
        if (nodes.Count == 0) return [];
        var locations = new List<ErrorLocation>(nodes.Count);
        foreach (var node in nodes)
            if (node.Loc is { } loc)
                locations.Add(new ErrorLocation(loc.Line, loc.Column));
        return locations;
    }

    public override string ToString() =>
        Locations.Count == 0 ? Message : $"{Message} ({string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))})";
}
