namespace GraphQLEngine.Type;

/// <summary>
/// What arguments and input fields have in common (introspection's <c>__InputValue</c>): a name, an
/// input type and an optional default value given as an internal value.
/// </summary>
public abstract class InputValueDefinition
{
    private protected InputValueDefinition(string name, GraphQLType type)
    {
        Name = NameValidator.AssertName(name);
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    public string Name { get; }

    public GraphQLType Type { get; }

    public string? Description { get; init; }

    /// <summary>
    /// The internal value used when no value is provided; <see cref="Undefined.Value"/> for "no default"
    /// (null is a real default).
    /// </summary>
    public object? DefaultValue { get; init; } = Undefined.Value;

    public bool HasDefaultValue => !Undefined.Is(DefaultValue);

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Non-null type without a default value: a value must be given (graphql-js's <c>isRequiredArgument</c> / <c>isRequiredInputField</c>).</summary>
    public bool IsRequired => Type is GraphQLNonNull && !HasDefaultValue;

    /// <summary>Free-form information for the application (graphql-js's <c>extensions</c>).</summary>
    public IDictionary<string, object?> Metadata { get; init; } = new Dictionary<string, object?>();

    public override string ToString() => Name;
}
