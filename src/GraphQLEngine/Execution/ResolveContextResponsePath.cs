namespace GraphQLEngine.Execution;

/// <summary>
/// A position in the response (graphql-js's <c>Path</c>): an immutable linked list from the leaf back
/// to the root, so sibling fields share their parent's path. Keys are response keys (<see cref="string"/>)
/// or list indices (<see cref="int"/>).
/// </summary>
public sealed class ResponsePath
{
    private ResponsePath(ResponsePath? prev, object key, string? typename)
    {
        Prev = prev;
        Key = key;
        Typename = typename;
    }

    /// <summary>The parent position; null for a root field.</summary>
    public ResponsePath? Prev { get; }

    /// <summary>A response key (<see cref="string"/>) or a list index (<see cref="int"/>).</summary>
    public object Key { get; }

    /// <summary>Name of the parent object type for field keys; null for list indices.</summary>
    public string? Typename { get; }

    /// <summary>A path for a root field.</summary>
    public static ResponsePath Root(string key, string? typename = null) => new(null, key, typename);

    /// <summary>Extends a path (which may be null for the root) by a field key.</summary>
    public static ResponsePath Add(ResponsePath? prev, string key, string? typename = null) => new(prev, key, typename);

    /// <summary>Extends a path by a list index.</summary>
    public static ResponsePath Add(ResponsePath? prev, int index) => new(prev, index, null);

    /// <summary>This path extended by a field key.</summary>
    public ResponsePath AddKey(string key, string? typename = null) => new(this, key, typename);

    /// <summary>This path extended by a list index.</summary>
    public ResponsePath AddIndex(int index) => new(this, index, null);

    /// <summary>Keys from the root to this position, as the <c>path</c> entry of a GraphQL error.</summary>
    public IReadOnlyList<object> ToList()
    {
        var keys = new List<object>();
        for (var current = this; current is not null; current = current.Prev) keys.Add(current.Key);
        keys.Reverse();
        return keys;
    }

    /// <summary>Readable form, e.g. <c>hero.friends[0].name</c>.</summary>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        foreach (var key in ToList())
        {
            if (key is int index) builder.Append('[').Append(index).Append(']');
            else
            {
                if (builder.Length > 0) builder.Append('.');
                builder.Append(key);
            }
        }
        return builder.ToString();
    }
}
