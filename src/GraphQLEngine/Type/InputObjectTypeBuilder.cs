namespace GraphQLEngine.Type;

/// <summary>
/// Code-first construction of a <see cref="GraphQLInputObjectType"/>:
/// <code>
/// var range = new InputObjectTypeBuilder("DateRange")
///     .Field("from", new GraphQLNonNull(Scalars.String))
///     .Field("limit", Scalars.Int, defaultValue: 10)
///     .Build();
/// </code>
/// </summary>
public sealed class InputObjectTypeBuilder(string name)
{
    private readonly string _name = NameValidator.AssertName(name);
    private readonly List<Func<InputFieldDefinition>> _fields = [];
    private string? _description;
    private bool _isOneOf;

    public InputObjectTypeBuilder Description(string? description)
    {
        _description = description;
        return this;
    }

    /// <summary>Makes it a <c>@oneOf</c> input object (fields must then be nullable and without defaults).</summary>
    public InputObjectTypeBuilder OneOf()
    {
        _isOneOf = true;
        return this;
    }

    /// <summary>Adds a field; <paramref name="defaultValue"/> is an internal value (omit it for "no default").</summary>
    public InputObjectTypeBuilder Field(string name, GraphQLType type, string? description = null, object? defaultValue = null,
        string? deprecationReason = null) =>
        Field(name, () => type, description, defaultValue, deprecationReason);

    /// <summary>Adds a field whose type is looked up when the fields are first needed.</summary>
    public InputObjectTypeBuilder Field(string name, Func<GraphQLType> type, string? description = null, object? defaultValue = null,
        string? deprecationReason = null)
    {
        NameValidator.AssertName(name);
        _fields.Add(() => new InputFieldDefinition(name, type())
        {
            Description = description,
            DefaultValue = defaultValue ?? Undefined.Value,
            DeprecationReason = deprecationReason,
        });
        return this;
    }

    /// <summary>Adds a fully configured field (e.g. one whose default value is null).</summary>
    public InputObjectTypeBuilder Field(InputFieldDefinition field)
    {
        _fields.Add(() => field);
        return this;
    }

    public GraphQLInputObjectType Build()
    {
        var fields = _fields.ToList();
        return new GraphQLInputObjectType(_name, () => fields.Select(f => f()))
        {
            Description = _description,
            IsOneOf = _isOneOf,
        };
    }
}
