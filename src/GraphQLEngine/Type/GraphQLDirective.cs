using GraphQLEngine.Language;

namespace GraphQLEngine.Type;

/// <summary>
/// A directive definition (graphql-js's <c>GraphQLDirective</c>), plus the directives the spec and
/// graphql-js 16.11 specify: <c>@include</c>, <c>@skip</c>, <c>@deprecated</c>, <c>@specifiedBy</c>, <c>@oneOf</c>.
/// </summary>
public sealed class GraphQLDirective
{
    /// <summary>Reason reported for a bare <c>@deprecated</c>.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    private readonly IReadOnlyList<ArgumentDefinition> _args = [];

    public GraphQLDirective(string name, IEnumerable<DirectiveLocation> locations)
    {
        Name = NameValidator.AssertName(name);
        Locations = locations.ToList();
    }

    public string Name { get; }

    public string? Description { get; init; }

    public IReadOnlyList<DirectiveLocation> Locations { get; }

    /// <summary>Arguments in declaration order; names must be unique.</summary>
    public IReadOnlyList<ArgumentDefinition> Args
    {
        get => _args;
        init => _args = DefinitionLists.EnsureUniqueNames(value, a => a.Name, $"@{Name} argument");
    }

    /// <summary>Whether the directive may appear more than once at one location.</summary>
    public bool IsRepeatable { get; init; }

    public IDictionary<string, object?> Metadata { get; init; } = new Dictionary<string, object?>();

    /// <summary>The argument called <paramref name="name"/>, or null.</summary>
    public ArgumentDefinition? GetArgument(string name) => _args.FirstOrDefault(a => a.Name == name);

    public override string ToString() => "@" + Name;

    public static readonly GraphQLDirective Include = new("include",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment])
    {
        Description = "Directs the executor to include this field or fragment only when the `if` argument is true.",
        Args = [new ArgumentDefinition("if", new GraphQLNonNull(Scalars.Boolean)) { Description = "Included when true." }],
    };

    public static readonly GraphQLDirective Skip = new("skip",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment])
    {
        Description = "Directs the executor to skip this field or fragment when the `if` argument is true.",
        Args = [new ArgumentDefinition("if", new GraphQLNonNull(Scalars.Boolean)) { Description = "Skipped when true." }],
    };

    public static readonly GraphQLDirective Deprecated = new("deprecated",
        [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue])
    {
        Description = "Marks an element of a GraphQL schema as no longer supported.",
        Args =
        [
            new ArgumentDefinition("reason", Scalars.String)
            {
                Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
                DefaultValue = DefaultDeprecationReason,
            },
        ],
    };

    public static readonly GraphQLDirective SpecifiedBy = new("specifiedBy", [DirectiveLocation.Scalar])
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.",
        Args = [new ArgumentDefinition("url", new GraphQLNonNull(Scalars.String)) { Description = "The URL that specifies the behavior of this scalar." }],
    };

    public static readonly GraphQLDirective OneOf = new("oneOf", [DirectiveLocation.InputObject])
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
    };

    /// <summary>All specified directives, in graphql-js's order; a schema gets these when it is given no directives.</summary>
    public static readonly IReadOnlyList<GraphQLDirective> SpecifiedDirectives = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    /// <summary>Whether <paramref name="directive"/> is (named like) a specified directive.</summary>
    public static bool IsSpecifiedDirective(GraphQLDirective directive) => SpecifiedDirectives.Any(d => d.Name == directive.Name);
}
