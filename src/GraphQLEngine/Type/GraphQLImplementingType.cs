namespace GraphQLEngine.Type;

/// <summary>
/// What object and interface types share (graphql-js's <c>GraphQLImplementingType</c>): fields and
/// implemented interfaces, both possibly given as thunks so that types can refer to each other.
/// A thunk runs once, on first use.
/// </summary>
public abstract class GraphQLImplementingType : GraphQLNamedType, ICompositeType
{
    private readonly Lazy<OrderedDictionary<string, FieldDefinition>> _fields;
    private readonly Lazy<IReadOnlyList<GraphQLInterfaceType>> _interfaces;

    private protected GraphQLImplementingType(
        string name,
        Func<IEnumerable<FieldDefinition>> fields,
        Func<IEnumerable<GraphQLInterfaceType>>? interfaces) : base(name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new(() => DefinitionLists.ToOrderedMap(fields(), f => f.Name, $"{Name} field"));
        _interfaces = new(() => interfaces is null ? [] : interfaces().ToList());
    }

    /// <summary>Fields by name, in declaration order.</summary>
    public IReadOnlyDictionary<string, FieldDefinition> GetFields() => _fields.Value;

    /// <summary>The field called <paramref name="name"/>, or null.</summary>
    public FieldDefinition? GetField(string name) => _fields.Value.GetValueOrDefault(name);

    /// <summary>Interfaces this type declares it implements, in declaration order.</summary>
    public IReadOnlyList<GraphQLInterfaceType> GetInterfaces() => _interfaces.Value;
}
