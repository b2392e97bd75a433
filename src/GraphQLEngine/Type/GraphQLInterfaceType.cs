namespace GraphQLEngine.Type;

/// <summary>An interface type (graphql-js's <c>GraphQLInterfaceType</c>); may itself implement interfaces.</summary>
public sealed class GraphQLInterfaceType : GraphQLImplementingType, IAbstractType
{
    public GraphQLInterfaceType(
        string name,
        Func<IEnumerable<FieldDefinition>> fields,
        Func<IEnumerable<GraphQLInterfaceType>>? interfaces = null) : base(name, fields, interfaces) { }

    public GraphQLInterfaceType(
        string name,
        IEnumerable<FieldDefinition> fields,
        IEnumerable<GraphQLInterfaceType>? interfaces = null)
        : base(name, () => fields, interfaces is null ? null : () => interfaces) { }

    public TypeResolver? ResolveType { get; init; }
}
