namespace GraphQLEngine.Type;

/// <summary>A union of object types (graphql-js's <c>GraphQLUnionType</c>).</summary>
public sealed class GraphQLUnionType : GraphQLNamedType, IAbstractType
{
    private readonly Lazy<IReadOnlyList<GraphQLObjectType>> _types;

    /// <param name="name">Type name.</param>
    /// <param name="types">Thunk of the member types, run once on first use.</param>
    public GraphQLUnionType(string name, Func<IEnumerable<GraphQLObjectType>> types) : base(name)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = new(() => types().ToList());
    }

    public GraphQLUnionType(string name, IEnumerable<GraphQLObjectType> types) : this(name, () => types) { }

    public TypeResolver? ResolveType { get; init; }

    /// <summary>Member types in declaration order.</summary>
    public IReadOnlyList<GraphQLObjectType> GetTypes() => _types.Value;
}
