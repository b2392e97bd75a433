namespace GraphQLEngine.Language;

// Printing of type system definitions and extensions (SDL), as graphql-js 16 prints them.
public static partial class Printer
{
    private static string PrintTypeSystemNode(Node node) => node switch
    {
        SchemaDefinitionNode schema => PrintDescription(schema.Description)
            + JoinStrings(" ", "schema", Join(schema.Directives, " "), Block(schema.OperationTypes)),
        OperationTypeDefinitionNode operationType =>
            OperationKeyword(operationType.Operation) + ": " + Print(operationType.Type),
        ScalarTypeDefinitionNode scalar => PrintDescription(scalar.Description)
            + JoinStrings(" ", "scalar", scalar.Name.Value, Join(scalar.Directives, " ")),
        ObjectTypeDefinitionNode obj => PrintDescription(obj.Description)
            + JoinStrings(" ", "type", obj.Name.Value, Implements(obj.Interfaces), Join(obj.Directives, " "), Block(obj.Fields)),
        FieldDefinitionNode field => PrintDescription(field.Description)
            + field.Name.Value + PrintArgumentDefinitions(field.Arguments) + ": " + Print(field.Type)
            + Wrap(" ", Join(field.Directives, " ")),
        InputValueDefinitionNode input => PrintDescription(input.Description)
            + JoinStrings(" ",
                input.Name.Value + ": " + Print(input.Type),
                input.DefaultValue is null ? "" : "= " + Print(input.DefaultValue),
                Join(input.Directives, " ")),
        InterfaceTypeDefinitionNode iface => PrintDescription(iface.Description)
            + JoinStrings(" ", "interface", iface.Name.Value, Implements(iface.Interfaces), Join(iface.Directives, " "), Block(iface.Fields)),
        UnionTypeDefinitionNode union => PrintDescription(union.Description)
            + JoinStrings(" ", "union", union.Name.Value, Join(union.Directives, " "), Wrap("= ", Join(union.Types, " | "))),
        EnumTypeDefinitionNode enumType => PrintDescription(enumType.Description)
            + JoinStrings(" ", "enum", enumType.Name.Value, Join(enumType.Directives, " "), Block(enumType.Values)),
        EnumValueDefinitionNode enumValue => PrintDescription(enumValue.Description)
            + JoinStrings(" ", enumValue.Name.Value, Join(enumValue.Directives, " ")),
        InputObjectTypeDefinitionNode input => PrintDescription(input.Description)
            + JoinStrings(" ", "input", input.Name.Value, Join(input.Directives, " "), Block(input.Fields)),
        DirectiveDefinitionNode directive => PrintDescription(directive.Description)
            + "directive @" + directive.Name.Value + PrintArgumentDefinitions(directive.Arguments)
            + (directive.Repeatable ? " repeatable" : "") + " on " + Join(directive.Locations, " | "),
        SchemaExtensionNode schema =>
            JoinStrings(" ", "extend schema", Join(schema.Directives, " "), Block(schema.OperationTypes)),
        ScalarTypeExtensionNode scalar =>
            JoinStrings(" ", "extend scalar", scalar.Name.Value, Join(scalar.Directives, " ")),
        ObjectTypeExtensionNode obj =>
            JoinStrings(" ", "extend type", obj.Name.Value, Implements(obj.Interfaces), Join(obj.Directives, " "), Block(obj.Fields)),
        InterfaceTypeExtensionNode iface =>
            JoinStrings(" ", "extend interface", iface.Name.Value, Implements(iface.Interfaces), Join(iface.Directives, " "), Block(iface.Fields)),
        UnionTypeExtensionNode union =>
            JoinStrings(" ", "extend union", union.Name.Value, Join(union.Directives, " "), Wrap("= ", Join(union.Types, " | "))),
        EnumTypeExtensionNode enumType =>
            JoinStrings(" ", "extend enum", enumType.Name.Value, Join(enumType.Directives, " "), Block(enumType.Values)),
        InputObjectTypeExtensionNode input =>
            JoinStrings(" ", "extend input", input.Name.Value, Join(input.Directives, " "), Block(input.Fields)),
        _ => throw new ArgumentException($"Cannot print node {node.GetType().Name}.", nameof(node)),
    };

    private static string PrintDescription(StringValueNode? description) =>
        description is null ? "" : Print(description) + "\n";

    private static string Implements(IReadOnlyList<NamedTypeNode> interfaces) =>
        Wrap("implements ", Join(interfaces, " & "));

    // Arguments go one per line as soon as any of them spans several lines (e.g. has a block description).
    private static string PrintArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Any(argument => argument.Contains('\n'))
            ? Wrap("(\n", Indent(string.Join("\n", printed)), "\n)")
            : Wrap("(", string.Join(", ", printed), ")");
    }
}
