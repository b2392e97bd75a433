using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Type;

/// <summary>
/// The introspection system of graphql-js 16.11 (<c>type/introspection.ts</c>): the types <c>__Schema</c>,
/// <c>__Type</c>, <c>__Field</c>, <c>__InputValue</c>, <c>__EnumValue</c>, <c>__Directive</c>, <c>__TypeKind</c>,
/// <c>__DirectiveLocation</c> with resolvers over the schema objects themselves, and the meta-fields
/// <c>__schema</c>, <c>__type(name:)</c> and <c>__typename</c> that the executor and validator add to
/// every query root / composite type. Includes <c>specifiedByURL</c>, <c>isRepeatable</c>, <c>isOneOf</c>
/// and the <c>includeDeprecated</c> arguments.
/// </summary>
public static class Introspection
{
    // Field thunks refer to introspection types declared further down; they run only after all static
    // fields are initialized, which the compiler's null analysis cannot see.
#pragma warning disable CS8604

    public static readonly GraphQLObjectType SchemaType = new("__Schema", () =>
    [
        new FieldDefinition("description", Scalars.String) { Resolver = Sync(c => Source<GraphQLSchema>(c).Description) },
        new FieldDefinition("types", NonNullList(TypeType))
        {
            Description = "A list of all types supported by this server.",
            Resolver = Sync(c => Source<GraphQLSchema>(c).TypeMap.Values.ToList()),
        },
        new FieldDefinition("queryType", new GraphQLNonNull(TypeType))
        {
            Description = "The type that query operations will be rooted at.",
            Resolver = Sync(c => Source<GraphQLSchema>(c).QueryType),
        },
        new FieldDefinition("mutationType", TypeType)
        {
            Description = "If this server supports mutation, the type that mutation operations will be rooted at.",
            Resolver = Sync(c => Source<GraphQLSchema>(c).MutationType),
        },
        new FieldDefinition("subscriptionType", TypeType)
        {
            Description = "If this server support subscription, the type that subscription operations will be rooted at.",
            Resolver = Sync(c => Source<GraphQLSchema>(c).SubscriptionType),
        },
        new FieldDefinition("directives", NonNullList(DirectiveType))
        {
            Description = "A list of all directives supported by this server.",
            Resolver = Sync(c => Source<GraphQLSchema>(c).Directives),
        },
    ])
    {
        Description = "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
    };

    public static readonly GraphQLObjectType DirectiveType = new("__Directive", () =>
    [
        new FieldDefinition("name", new GraphQLNonNull(Scalars.String)) { Resolver = Sync(c => Source<GraphQLDirective>(c).Name) },
        new FieldDefinition("description", Scalars.String) { Resolver = Sync(c => Source<GraphQLDirective>(c).Description) },
        new FieldDefinition("isRepeatable", new GraphQLNonNull(Scalars.Boolean)) { Resolver = Sync(c => Source<GraphQLDirective>(c).IsRepeatable) },
        new FieldDefinition("locations", NonNullList(DirectiveLocationType)) { Resolver = Sync(c => Source<GraphQLDirective>(c).Locations) },
        new FieldDefinition("args", NonNullList(InputValueType))
        {
            Args = [IncludeDeprecatedArgument()],
            Resolver = Sync(c => FilterDeprecated(Source<GraphQLDirective>(c).Args, c)),
        },
    ])
    {
        Description = "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
    };

    public static readonly GraphQLEnumType DirectiveLocationType = new("__DirectiveLocation",
    [
        Location(DirectiveLocation.Query, "Location adjacent to a query operation."),
        Location(DirectiveLocation.Mutation, "Location adjacent to a mutation operation."),
        Location(DirectiveLocation.Subscription, "Location adjacent to a subscription operation."),
        Location(DirectiveLocation.Field, "Location adjacent to a field."),
        Location(DirectiveLocation.FragmentDefinition, "Location adjacent to a fragment definition."),
        Location(DirectiveLocation.FragmentSpread, "Location adjacent to a fragment spread."),
        Location(DirectiveLocation.InlineFragment, "Location adjacent to an inline fragment."),
        Location(DirectiveLocation.VariableDefinition, "Location adjacent to a variable definition."),
        Location(DirectiveLocation.Schema, "Location adjacent to a schema definition."),
        Location(DirectiveLocation.Scalar, "Location adjacent to a scalar definition."),
        Location(DirectiveLocation.Object, "Location adjacent to an object type definition."),
        Location(DirectiveLocation.FieldDefinition, "Location adjacent to a field definition."),
        Location(DirectiveLocation.ArgumentDefinition, "Location adjacent to an argument definition."),
        Location(DirectiveLocation.Interface, "Location adjacent to an interface definition."),
        Location(DirectiveLocation.Union, "Location adjacent to a union definition."),
        Location(DirectiveLocation.Enum, "Location adjacent to an enum definition."),
        Location(DirectiveLocation.EnumValue, "Location adjacent to an enum value definition."),
        Location(DirectiveLocation.InputObject, "Location adjacent to an input object type definition."),
        Location(DirectiveLocation.InputFieldDefinition, "Location adjacent to an input object field definition."),
    ])
    {
        Description = "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
    };

    public static readonly GraphQLObjectType TypeType = new("__Type", () =>
    [
        new FieldDefinition("kind", new GraphQLNonNull(TypeKindType)) { Resolver = Sync(c => KindOf(Source<GraphQLType>(c))) },
        new FieldDefinition("name", Scalars.String) { Resolver = Sync(c => (c.Source as GraphQLNamedType)?.Name) },
        new FieldDefinition("description", Scalars.String) { Resolver = Sync(c => (c.Source as GraphQLNamedType)?.Description) },
        new FieldDefinition("specifiedByURL", Scalars.String) { Resolver = Sync(c => (c.Source as GraphQLScalarType)?.SpecifiedByUrl) },
        new FieldDefinition("fields", new GraphQLList(new GraphQLNonNull(FieldType)))
        {
            Args = [IncludeDeprecatedArgument()],
            Resolver = Sync(c => c.Source is GraphQLImplementingType t ? FilterDeprecated(t.GetFields().Values, c) : null),
        },
        new FieldDefinition("interfaces", new GraphQLList(new GraphQLNonNull(TypeType)))
        {
            Resolver = Sync(c => (c.Source as GraphQLImplementingType)?.GetInterfaces()),
        },
        new FieldDefinition("possibleTypes", new GraphQLList(new GraphQLNonNull(TypeType)))
        {
            Resolver = Sync(c => c.Source is IAbstractType t ? c.Schema.GetPossibleTypes(t) : null),
        },
        new FieldDefinition("enumValues", new GraphQLList(new GraphQLNonNull(EnumValueType)))
        {
            Args = [IncludeDeprecatedArgument()],
            Resolver = Sync(c => c.Source is GraphQLEnumType t ? FilterDeprecated(t.GetValues(), c) : null),
        },
        new FieldDefinition("inputFields", new GraphQLList(new GraphQLNonNull(InputValueType)))
        {
            Args = [IncludeDeprecatedArgument()],
            Resolver = Sync(c => c.Source is GraphQLInputObjectType t ? FilterDeprecated(t.GetFields().Values, c) : null),
        },
        new FieldDefinition("ofType", TypeType) { Resolver = Sync(c => (c.Source as GraphQLWrappingType)?.OfType) },
        new FieldDefinition("isOneOf", Scalars.Boolean) { Resolver = Sync(c => c.Source is GraphQLInputObjectType t ? t.IsOneOf : null) },
    ])
    {
        Description = "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
    };

    public static readonly GraphQLObjectType FieldType = new("__Field", () =>
    [
        new FieldDefinition("name", new GraphQLNonNull(Scalars.String)) { Resolver = Sync(c => Source<FieldDefinition>(c).Name) },
        new FieldDefinition("description", Scalars.String) { Resolver = Sync(c => Source<FieldDefinition>(c).Description) },
        new FieldDefinition("args", NonNullList(InputValueType))
        {
            Args = [IncludeDeprecatedArgument()],
            Resolver = Sync(c => FilterDeprecated(Source<FieldDefinition>(c).Args, c)),
        },
        new FieldDefinition("type", new GraphQLNonNull(TypeType)) { Resolver = Sync(c => Source<FieldDefinition>(c).Type) },
        new FieldDefinition("isDeprecated", new GraphQLNonNull(Scalars.Boolean)) { Resolver = Sync(c => Source<FieldDefinition>(c).IsDeprecated) },
        new FieldDefinition("deprecationReason", Scalars.String) { Resolver = Sync(c => Source<FieldDefinition>(c).DeprecationReason) },
    ])
    {
        Description = "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
    };

    public static readonly GraphQLObjectType InputValueType = new("__InputValue", () =>
    [
        new FieldDefinition("name", new GraphQLNonNull(Scalars.String)) { Resolver = Sync(c => Source<InputValueDefinition>(c).Name) },
        new FieldDefinition("description", Scalars.String) { Resolver = Sync(c => Source<InputValueDefinition>(c).Description) },
        new FieldDefinition("type", new GraphQLNonNull(TypeType)) { Resolver = Sync(c => Source<InputValueDefinition>(c).Type) },
        new FieldDefinition("defaultValue", Scalars.String)
        {
            Description = "A GraphQL-formatted string representing the default value for this input value.",
            Resolver = Sync(c =>
            {
                var inputValue = Source<InputValueDefinition>(c);
                var valueAst = AstFromValue.Convert(inputValue.DefaultValue, inputValue.Type);
                return valueAst is null ? null : Printer.Print(valueAst);
            }),
        },
        new FieldDefinition("isDeprecated", new GraphQLNonNull(Scalars.Boolean)) { Resolver = Sync(c => Source<InputValueDefinition>(c).IsDeprecated) },
        new FieldDefinition("deprecationReason", Scalars.String) { Resolver = Sync(c => Source<InputValueDefinition>(c).DeprecationReason) },
    ])
    {
        Description = "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
    };

    public static readonly GraphQLObjectType EnumValueType = new("__EnumValue", () =>
    [
        new FieldDefinition("name", new GraphQLNonNull(Scalars.String)) { Resolver = Sync(c => Source<EnumValueDefinition>(c).Name) },
        new FieldDefinition("description", Scalars.String) { Resolver = Sync(c => Source<EnumValueDefinition>(c).Description) },
        new FieldDefinition("isDeprecated", new GraphQLNonNull(Scalars.Boolean)) { Resolver = Sync(c => Source<EnumValueDefinition>(c).IsDeprecated) },
        new FieldDefinition("deprecationReason", Scalars.String) { Resolver = Sync(c => Source<EnumValueDefinition>(c).DeprecationReason) },
    ])
    {
        Description = "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
    };

    public static readonly GraphQLEnumType TypeKindType = new("__TypeKind",
    [
        new EnumValueDefinition("SCALAR", TypeKind.Scalar) { Description = "Indicates this type is a scalar." },
        new EnumValueDefinition("OBJECT", TypeKind.Object) { Description = "Indicates this type is an object. `fields` and `interfaces` are valid fields." },
        new EnumValueDefinition("INTERFACE", TypeKind.Interface) { Description = "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields." },
        new EnumValueDefinition("UNION", TypeKind.Union) { Description = "Indicates this type is a union. `possibleTypes` is a valid field." },
        new EnumValueDefinition("ENUM", TypeKind.Enum) { Description = "Indicates this type is an enum. `enumValues` is a valid field." },
        new EnumValueDefinition("INPUT_OBJECT", TypeKind.InputObject) { Description = "Indicates this type is an input object. `inputFields` is a valid field." },
        new EnumValueDefinition("LIST", TypeKind.List) { Description = "Indicates this type is a list. `ofType` is a valid field." },
        new EnumValueDefinition("NON_NULL", TypeKind.NonNull) { Description = "Indicates this type is a non-null. `ofType` is a valid field." },
    ])
    {
        Description = "An enum describing what kind of type a given `__Type` is.",
    };

#pragma warning restore CS8604

    /// <summary><c>__schema: __Schema!</c>, available on the query root type only.</summary>
    public static readonly FieldDefinition SchemaMetaFieldDef = new("__schema", new GraphQLNonNull(SchemaType))
    {
        Description = "Access the current type schema of this server.",
        Resolver = Sync(c => c.Schema),
    };

    /// <summary><c>__type(name: String!): __Type</c>, available on the query root type only.</summary>
    public static readonly FieldDefinition TypeMetaFieldDef = new("__type", TypeType)
    {
        Description = "Request the type information of a single type.",
        Args = [new ArgumentDefinition("name", new GraphQLNonNull(Scalars.String))],
        Resolver = Sync(c => c.GetArgument<string>("name") is { } name ? c.Schema.GetType(name) : null),
    };

    /// <summary><c>__typename: String!</c>, available on every composite type.</summary>
    public static readonly FieldDefinition TypeNameMetaFieldDef = new("__typename", new GraphQLNonNull(Scalars.String))
    {
        Description = "The name of the current Object type at runtime.",
        Resolver = Sync(c => c.ParentType.Name),
    };

    /// <summary>The introspection types, in graphql-js's order.</summary>
    public static readonly IReadOnlyList<GraphQLNamedType> IntrospectionTypes =
        [SchemaType, DirectiveType, DirectiveLocationType, TypeType, FieldType, InputValueType, EnumValueType, TypeKindType];

    /// <summary>Whether <paramref name="type"/> is (named like) an introspection type.</summary>
    public static bool IsIntrospectionType(GraphQLNamedType type) => IntrospectionTypes.Any(t => t.Name == type.Name);

    /// <summary>The kind introspection reports for <paramref name="type"/>.</summary>
    public static TypeKind KindOf(GraphQLType type) => type switch
    {
        GraphQLScalarType => TypeKind.Scalar,
        GraphQLObjectType => TypeKind.Object,
        GraphQLInterfaceType => TypeKind.Interface,
        GraphQLUnionType => TypeKind.Union,
        GraphQLEnumType => TypeKind.Enum,
        GraphQLInputObjectType => TypeKind.InputObject,
        GraphQLList => TypeKind.List,
        GraphQLNonNull => TypeKind.NonNull,
        _ => throw new InvalidOperationException($"Unexpected type: \"{type}\"."),
    };

    private static FieldResolver Sync(Func<ResolveContext, object?> resolve) => context => ValueTask.FromResult(resolve(context));

    private static T Source<T>(ResolveContext context) => (T)context.Source!;

    private static GraphQLNonNull NonNullList(GraphQLType itemType) => new(new GraphQLList(new GraphQLNonNull(itemType)));

    private static ArgumentDefinition IncludeDeprecatedArgument() => new("includeDeprecated", Scalars.Boolean) { DefaultValue = false };

    private static List<T> FilterDeprecated<T>(IEnumerable<T> items, ResolveContext context) where T : notnull =>
        context.GetArgument("includeDeprecated", false)
            ? items.ToList()
            : items.Where(item => item switch
            {
                FieldDefinition f => !f.IsDeprecated,
                InputValueDefinition v => !v.IsDeprecated,
                EnumValueDefinition e => !e.IsDeprecated,
                _ => true,
            }).ToList();

    private static EnumValueDefinition Location(DirectiveLocation location, string description) =>
        new(location.ToName(), location) { Description = description };
}
