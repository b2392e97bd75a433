namespace GraphQLEngine.Type;

/// <summary>A type with a name of its own: everything but lists and non-nulls.</summary>
public abstract class GraphQLNamedType : GraphQLType
{
    private protected GraphQLNamedType(string name)
    {
        Name = NameValidator.AssertName(name);
    }

    public string Name { get; }

    /// <summary>Markdown documentation shown by introspection and printed as a block string in SDL.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Free-form information attached by the application (graphql-js's <c>extensions</c>), e.g. by a
    /// cost model or an authorization layer. Never interpreted by the engine itself.
    /// </summary>
    public IDictionary<string, object?> Metadata { get; init; } = new Dictionary<string, object?>();

    public override string ToString() => Name;
}
