using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Validation.Harness;

/// <summary>
/// Builds a schema from SDL for tests (the subset of graphql-js's <c>buildSchema</c> that validation tests use):
/// every kind of type definition, <c>schema { … }</c> or the conventional root names, directive definitions,
/// default values, <c>@deprecated</c> and <c>@oneOf</c>. Extensions are not supported. Resolvers are absent.
/// </summary>
public static class SdlSchemaBuilder
{
    /// <param name="sdl">The type definitions.</param>
    /// <param name="scalars">Scalars to use instead of plain ones for <c>scalar X</c> definitions (e.g. with custom parsing).</param>
    public static GraphQLSchema Build(string sdl, IReadOnlyDictionary<string, GraphQLScalarType>? scalars = null)
    {
        var document = Parser.Parse(sdl);
        var definitions = document.Definitions;
        var types = new Dictionary<string, GraphQLNamedType>();
        GraphQLNamedType Named(string name) =>
            types.TryGetValue(name, out var type) ? type
            : Standard(name) ?? throw new InvalidOperationException($"Unknown type \"{name}\" in test SDL.");
        GraphQLType Reference(TypeNode node) => node switch
        {
            NonNullTypeNode n => new GraphQLNonNull(Reference(n.Type)),
            ListTypeNode l => new GraphQLList(Reference(l.Type)),
            NamedTypeNode named => Named(named.Name.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };

        foreach (var definition in definitions.OfType<TypeDefinitionNode>())
            types[definition.Name.Value] = scalars?.GetValueOrDefault(definition.Name.Value) ?? BuildType(definition, Named, Reference);

        var directives = definitions.OfType<DirectiveDefinitionNode>()
            .Select(d => new GraphQLDirective(d.Name.Value, d.Locations.Select(ParseLocation))
            {
                Description = d.Description?.Value,
                IsRepeatable = d.Repeatable,
                Args = d.Arguments.Select(a => BuildArgument(a, Reference)).ToList(),
            })
            .ToList();
        foreach (var specified in GraphQLDirective.SpecifiedDirectives)
            if (directives.All(d => d.Name != specified.Name)) directives.Add(specified);

        var schemaDefinition = definitions.OfType<SchemaDefinitionNode>().FirstOrDefault();
        GraphQLObjectType? Root(OperationType operation, string conventionalName)
        {
            if (schemaDefinition is not null)
            {
                var entry = schemaDefinition.OperationTypes.FirstOrDefault(o => o.Operation == operation);
                return entry is null ? null : (GraphQLObjectType)Named(entry.Type.Name.Value);
            }
            return types.GetValueOrDefault(conventionalName) as GraphQLObjectType;
        }

        return new GraphQLSchema(
            Root(OperationType.Query, "Query"),
            Root(OperationType.Mutation, "Mutation"),
            Root(OperationType.Subscription, "Subscription"),
            types.Values,
            directives,
            schemaDefinition?.Description?.Value);
    }

    private static GraphQLNamedType? Standard(string name) => name switch
    {
        "Int" => Scalars.Int,
        "Float" => Scalars.Float,
        "String" => Scalars.String,
        "Boolean" => Scalars.Boolean,
        "ID" => Scalars.ID,
        _ => Introspection.IntrospectionTypes.FirstOrDefault(t => t.Name == name),
    };

    private static GraphQLNamedType BuildType(
        TypeDefinitionNode definition, Func<string, GraphQLNamedType> named, Func<TypeNode, GraphQLType> reference)
    {
        var description = definition.Description?.Value;
        switch (definition)
        {
            case ScalarTypeDefinitionNode scalar:
                return new GraphQLScalarType(scalar.Name.Value) { Description = description };
            case ObjectTypeDefinitionNode obj:
                return new GraphQLObjectType(obj.Name.Value,
                    () => obj.Fields.Select(f => BuildField(f, reference)),
                    () => obj.Interfaces.Select(i => (GraphQLInterfaceType)named(i.Name.Value)))
                { Description = description };
            case InterfaceTypeDefinitionNode iface:
                return new GraphQLInterfaceType(iface.Name.Value,
                    () => iface.Fields.Select(f => BuildField(f, reference)),
                    () => iface.Interfaces.Select(i => (GraphQLInterfaceType)named(i.Name.Value)))
                { Description = description };
            case UnionTypeDefinitionNode union:
                return new GraphQLUnionType(union.Name.Value,
                    () => union.Types.Select(t => (GraphQLObjectType)named(t.Name.Value)))
                { Description = description };
            case EnumTypeDefinitionNode enumType:
                return new GraphQLEnumType(enumType.Name.Value, enumType.Values.Select(v => new EnumValueDefinition(v.Name.Value)
                {
                    Description = v.Description?.Value,
                    DeprecationReason = DeprecationReason(v.Directives),
                }))
                { Description = description };
            case InputObjectTypeDefinitionNode input:
                return new GraphQLInputObjectType(input.Name.Value, () => input.Fields.Select(f =>
                {
                    var type = reference(f.Type);
                    return new InputFieldDefinition(f.Name.Value, type)
                    {
                        Description = f.Description?.Value,
                        DefaultValue = DefaultValue(f.DefaultValue, type),
                        DeprecationReason = DeprecationReason(f.Directives),
                    };
                }))
                {
                    Description = description,
                    IsOneOf = input.Directives.Any(d => d.Name.Value == "oneOf"),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(definition));
        }
    }

    private static FieldDefinition BuildField(FieldDefinitionNode field, Func<TypeNode, GraphQLType> reference) =>
        new(field.Name.Value, reference(field.Type))
        {
            Description = field.Description?.Value,
            Args = field.Arguments.Select(a => BuildArgument(a, reference)).ToList(),
            DeprecationReason = DeprecationReason(field.Directives),
        };

    private static ArgumentDefinition BuildArgument(InputValueDefinitionNode argument, Func<TypeNode, GraphQLType> reference)
    {
        var type = reference(argument.Type);
        return new ArgumentDefinition(argument.Name.Value, type)
        {
            Description = argument.Description?.Value,
            DefaultValue = DefaultValue(argument.DefaultValue, type),
            DeprecationReason = DeprecationReason(argument.Directives),
        };
    }

    private static object? DefaultValue(ValueNode? node, GraphQLType type) =>
        node is null ? Undefined.Value : ValueFromAst.Convert(node, type);

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name.Value == "deprecated");
        if (deprecated is null) return null;
        var reason = deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason");
        return reason?.Value is StringValueNode text ? text.Value : GraphQLDirective.DefaultDeprecationReason;
    }

    private static DirectiveLocation ParseLocation(NameNode name) =>
        DirectiveLocationNames.TryParse(name.Value, out var location)
            ? location
            : throw new InvalidOperationException($"Unknown directive location \"{name.Value}\".");
}
