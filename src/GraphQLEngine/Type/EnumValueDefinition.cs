namespace GraphQLEngine.Type;

/// <summary>
/// One value of an enum type: the name clients see and the internal <see cref="Value"/> resolvers
/// produce and receive (graphql-js's <c>GraphQLEnumValue</c>).
/// </summary>
public sealed class EnumValueDefinition
{
    /// <summary>A value whose internal value is its name.</summary>
    public EnumValueDefinition(string name) : this(name, name) { }

    /// <param name="name">Name as written in documents and results.</param>
    /// <param name="value">Internal value, e.g. a CLR enum member.</param>
    public EnumValueDefinition(string name, object? value)
    {
        Name = NameValidator.AssertEnumValueName(name);
        Value = value;
    }

    public string Name { get; }

    public object? Value { get; }

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IDictionary<string, object?> Metadata { get; init; } = new Dictionary<string, object?>();

    public override string ToString() => Name;
}
