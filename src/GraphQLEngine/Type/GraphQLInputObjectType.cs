namespace GraphQLEngine.Type;

/// <summary>
/// An input object type (graphql-js's <c>GraphQLInputObjectType</c>). Coerced values are
/// <c>IReadOnlyDictionary&lt;string, object?&gt;</c> keyed by field name.
/// </summary>
public sealed class GraphQLInputObjectType : GraphQLNamedType
{
    private readonly Lazy<OrderedDictionary<string, InputFieldDefinition>> _fields;

    /// <param name="name">Type name.</param>
    /// <param name="fields">Thunk of the fields, run once on first use.</param>
    public GraphQLInputObjectType(string name, Func<IEnumerable<InputFieldDefinition>> fields) : base(name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new(() => DefinitionLists.ToOrderedMap(fields(), f => f.Name, $"{Name} field"));
    }

    public GraphQLInputObjectType(string name, IEnumerable<InputFieldDefinition> fields) : this(name, () => fields) { }

    /// <summary>A <c>@oneOf</c> input object: exactly one field must be given, and not as null.</summary>
    public bool IsOneOf { get; init; }

    /// <summary>Fields by name, in declaration order.</summary>
    public IReadOnlyDictionary<string, InputFieldDefinition> GetFields() => _fields.Value;

    /// <summary>The field called <paramref name="name"/>, or null.</summary>
    public InputFieldDefinition? GetField(string name) => _fields.Value.GetValueOrDefault(name);
}
