using GraphQLEngine.Language;

namespace GraphQLEngine.Type;

/// <summary>
/// A value could not be coerced to or from a GraphQL type (graphql-js throws a <c>GraphQLError</c> in
/// the same places). The message is the client-facing text; <see cref="Nodes"/> locate the offending
/// literal when the value came from a document.
/// </summary>
public class GraphQLCoercionException : Exception
{
    public GraphQLCoercionException(string message, Node? node = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Nodes = node is null ? [] : [node];
    }

    public GraphQLCoercionException(string message, IReadOnlyList<Node> nodes, Exception? innerException = null)
        : base(message, innerException)
    {
        Nodes = nodes;
    }

    /// <summary>AST nodes the error refers to; empty for runtime (JSON) values.</summary>
    public IReadOnlyList<Node> Nodes { get; }
}
