using GraphQLEngine.Execution;

namespace GraphQLEngine.Type;

/// <summary>
/// A field of an object or interface type (graphql-js's <c>GraphQLField</c>).
/// </summary>
public sealed class FieldDefinition
{
    private readonly IReadOnlyList<ArgumentDefinition> _args = [];

    /// <param name="name">Field name; must be a valid GraphQL name.</param>
    /// <param name="type">Output type of the field.</param>
    public FieldDefinition(string name, GraphQLType type)
    {
        Name = NameValidator.AssertName(name);
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    public string Name { get; }

    public GraphQLType Type { get; }

    public string? Description { get; init; }

    /// <summary>Arguments in declaration order; names must be unique.</summary>
    public IReadOnlyList<ArgumentDefinition> Args
    {
        get => _args;
        init => _args = DefinitionLists.EnsureUniqueNames(value, a => a.Name, $"Field \"{Name}\" argument");
    }

    /// <summary>Produces the field's value; when null the executor uses <see cref="DefaultFieldResolver"/>.</summary>
    public FieldResolver? Resolver { get; init; }

    /// <summary>For fields of the subscription root: produces the event stream (graphql-js's <c>subscribe</c>).</summary>
    public FieldResolver? Subscriber { get; init; }

    /// <summary>Non-null when the field is deprecated; <see cref="GraphQLDirective.DefaultDeprecationReason"/> for a bare <c>@deprecated</c>.</summary>
    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Free-form information for the application, e.g. a cost model (graphql-js's <c>extensions</c>).</summary>
    public IDictionary<string, object?> Metadata { get; init; } = new Dictionary<string, object?>();

    /// <summary>The argument called <paramref name="name"/>, or null.</summary>
    public ArgumentDefinition? GetArgument(string name) => _args.FirstOrDefault(a => a.Name == name);

    public override string ToString() => Name;
}
