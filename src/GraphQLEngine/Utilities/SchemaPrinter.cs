using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>
/// graphql-js's <c>printSchema</c> family: SDL text of a schema, character for character as graphql-js 16
/// prints it — descriptions as block strings where possible, <c>@deprecated</c> and <c>@specifiedBy</c>
/// and <c>@oneOf</c> where they apply, default values via <see cref="AstFromValue"/>, types in type-map
/// order and the <c>schema { … }</c> block only when root type names are not the conventional ones
/// (or the schema has a description).
/// </summary>
public static class SchemaPrinter
{
    /// <summary>The schema's own directives and types, without specified scalars, directives and introspection types.</summary>
    public static string PrintSchema(GraphQLSchema schema) =>
        PrintFilteredSchema(schema, d => !GraphQLDirective.IsSpecifiedDirective(d), IsDefinedType);

    /// <summary>The specified directives and introspection types only.</summary>
    public static string PrintIntrospectionSchema(GraphQLSchema schema) =>
        PrintFilteredSchema(schema, GraphQLDirective.IsSpecifiedDirective, Introspection.IsIntrospectionType);

    /// <summary>The SDL definition of one named type.</summary>
    public static string PrintType(GraphQLNamedType type) => type switch
    {
        GraphQLScalarType scalar => PrintDescription(scalar.Description) + "scalar " + scalar.Name + PrintSpecifiedByUrl(scalar),
        GraphQLObjectType obj => PrintDescription(obj.Description) + "type " + obj.Name + PrintImplementedInterfaces(obj) + PrintFields(obj),
        GraphQLInterfaceType iface => PrintDescription(iface.Description) + "interface " + iface.Name + PrintImplementedInterfaces(iface) + PrintFields(iface),
        GraphQLUnionType union => PrintUnion(union),
        GraphQLEnumType enumType => PrintEnum(enumType),
        GraphQLInputObjectType inputObject => PrintInputObject(inputObject),
        _ => throw new ArgumentException("Unexpected type: " + Inspector.Inspect(type), nameof(type)),
    };

    /// <summary>The SDL definition of one directive.</summary>
    public static string PrintDirective(GraphQLDirective directive) =>
        PrintDescription(directive.Description)
        + "directive @" + directive.Name
        + PrintArgs(directive.Args)
        + (directive.IsRepeatable ? " repeatable" : "")
        + " on " + string.Join(" | ", directive.Locations.Select(l => l.ToName()));

    private static bool IsDefinedType(GraphQLNamedType type) =>
        !(type is GraphQLScalarType && Scalars.IsSpecifiedScalarType(type)) && !Introspection.IsIntrospectionType(type);

    private static string PrintFilteredSchema(
        GraphQLSchema schema, Func<GraphQLDirective, bool> directiveFilter, Func<GraphQLNamedType, bool> typeFilter)
    {
        var parts = new List<string?> { PrintSchemaDefinition(schema) };
        parts.AddRange(schema.Directives.Where(directiveFilter).Select(PrintDirective));
        parts.AddRange(schema.TypeMap.Values.Where(typeFilter).Select(PrintType));
        return string.Join("\n\n", parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    private static string? PrintSchemaDefinition(GraphQLSchema schema)
    {
        if (schema.Description is null && IsSchemaOfCommonNames(schema)) return null;
        var operationTypes = new List<string>();
        if (schema.QueryType is { } query) operationTypes.Add("  query: " + query.Name);
        if (schema.MutationType is { } mutation) operationTypes.Add("  mutation: " + mutation.Name);
        if (schema.SubscriptionType is { } subscription) operationTypes.Add("  subscription: " + subscription.Name);
        return PrintDescription(schema.Description) + "schema {\n" + string.Join("\n", operationTypes) + "\n}";
    }

    private static bool IsSchemaOfCommonNames(GraphQLSchema schema) =>
        (schema.QueryType is null || schema.QueryType.Name == "Query")
        && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
        && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");

    private static string PrintImplementedInterfaces(GraphQLImplementingType type)
    {
        var interfaces = type.GetInterfaces();
        return interfaces.Count > 0 ? " implements " + string.Join(" & ", interfaces.Select(i => i.Name)) : "";
    }

    private static string PrintFields(GraphQLImplementingType type) =>
        PrintBlock(type.GetFields().Values.Select((field, i) =>
            PrintDescription(field.Description, "  ", i == 0)
            + "  " + field.Name
            + PrintArgs(field.Args, "  ")
            + ": " + field.Type
            + PrintDeprecated(field.DeprecationReason)).ToList());

    private static string PrintUnion(GraphQLUnionType union)
    {
        var types = union.GetTypes();
        var possibleTypes = types.Count > 0 ? " = " + string.Join(" | ", types.Select(t => t.Name)) : "";
        return PrintDescription(union.Description) + "union " + union.Name + possibleTypes;
    }

    private static string PrintEnum(GraphQLEnumType enumType) =>
        PrintDescription(enumType.Description) + "enum " + enumType.Name
        + PrintBlock(enumType.GetValues().Select((value, i) =>
            PrintDescription(value.Description, "  ", i == 0) + "  " + value.Name + PrintDeprecated(value.DeprecationReason)).ToList());

    private static string PrintInputObject(GraphQLInputObjectType type) =>
        PrintDescription(type.Description) + "input " + type.Name + (type.IsOneOf ? " @oneOf" : "")
        + PrintBlock(type.GetFields().Values.Select((field, i) =>
            PrintDescription(field.Description, "  ", i == 0) + "  " + PrintInputValue(field)).ToList());

    private static string PrintBlock(IReadOnlyList<string> items) =>
        items.Count != 0 ? " {\n" + string.Join("\n", items) + "\n}" : "";

    private static string PrintArgs(IReadOnlyList<ArgumentDefinition> args, string indentation = "")
    {
        if (args.Count == 0) return "";
        // Arguments without descriptions fit on one line.
        if (args.All(arg => string.IsNullOrEmpty(arg.Description)))
        {
            return "(" + string.Join(", ", args.Select(PrintInputValue)) + ")";
        }
        return "(\n"
               + string.Join("\n", args.Select((arg, i) =>
                   PrintDescription(arg.Description, "  " + indentation, i == 0) + "  " + indentation + PrintInputValue(arg)))
               + "\n" + indentation + ")";
    }

    private static string PrintInputValue(InputValueDefinition arg)
    {
        var defaultAst = AstFromValue.Convert(arg.DefaultValue, arg.Type);
        var declaration = arg.Name + ": " + arg.Type;
        if (defaultAst is not null) declaration += " = " + Printer.Print(defaultAst);
        return declaration + PrintDeprecated(arg.DeprecationReason);
    }

    private static string PrintDeprecated(string? reason)
    {
        if (reason is null) return "";
        return reason != GraphQLDirective.DefaultDeprecationReason
            ? " @deprecated(reason: " + Printer.PrintString(reason) + ")"
            : " @deprecated";
    }

    private static string PrintSpecifiedByUrl(GraphQLScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? "" : " @specifiedBy(url: " + Printer.PrintString(scalar.SpecifiedByUrl) + ")";

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null) return "";
        var literal = Printer.Print(new StringValueNode(description, BlockString.IsPrintableAsBlockString(description)));
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + literal.Replace("\n", "\n" + indentation) + "\n";
    }
}
