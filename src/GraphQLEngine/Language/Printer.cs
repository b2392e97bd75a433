using System.Text;

namespace GraphQLEngine.Language;

/// <summary>
/// Prints a syntax tree back to GraphQL text exactly as graphql-js 16's <c>print()</c> does: two-space
/// indentation, one selection per line, arguments wrapped one per line when the field's line would exceed
/// 80 characters, block strings and descriptions kept. <c>Parse(Print(node))</c> yields the same tree.
/// </summary>
public static partial class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>The GraphQL text of any node (a document, a definition, a value, a type …).</summary>
    public static string Print(Node node) => node switch
    {
        NameNode name => name.Value,
        DocumentNode document => Join(document.Definitions, "\n\n"),
        OperationDefinitionNode operation => PrintOperation(operation),
        VariableDefinitionNode variableDefinition => PrintVariableDefinition(variableDefinition),
        SelectionSetNode selectionSet => Block(selectionSet.Selections),
        FieldNode field => PrintField(field),
        ArgumentNode argument => argument.Name.Value + ": " + Print(argument.Value),
        FragmentSpreadNode spread => "..." + spread.Name.Value + Wrap(" ", Join(spread.Directives, " ")),
        InlineFragmentNode inline => JoinStrings(" ",
            "...",
            inline.TypeCondition is null ? "" : "on " + Print(inline.TypeCondition),
            Join(inline.Directives, " "),
            Print(inline.SelectionSet)),
        FragmentDefinitionNode fragment =>
            $"fragment {fragment.Name.Value} on {Print(fragment.TypeCondition)} "
            + Wrap("", Join(fragment.Directives, " "), " ")
            + Print(fragment.SelectionSet),
        ValueNode value => PrintValue(value),
        ObjectFieldNode objectField => objectField.Name.Value + ": " + Print(objectField.Value),
        DirectiveNode directive => "@" + directive.Name.Value + Wrap("(", Join(directive.Arguments, ", "), ")"),
        NamedTypeNode namedType => namedType.Name.Value,
        ListTypeNode listType => "[" + Print(listType.Type) + "]",
        NonNullTypeNode nonNullType => Print(nonNullType.Type) + "!",
        _ => PrintTypeSystemNode(node),
    };

    private static string PrintOperation(OperationDefinitionNode node)
    {
        var variableDefinitions = Wrap("(", Join(node.VariableDefinitions, ", "), ")");
        var prefix = JoinStrings(" ",
            OperationKeyword(node.Operation),
            (node.Name?.Value ?? "") + variableDefinitions,
            Join(node.Directives, " "));
        // An anonymous query without variables or directives prints in the `{ … }` short form.
        return (prefix == "query" ? "" : prefix + " ") + Print(node.SelectionSet);
    }

    private static string PrintVariableDefinition(VariableDefinitionNode node) =>
        Print(node.Variable) + ": " + Print(node.Type)
        + (node.DefaultValue is null ? "" : " = " + Print(node.DefaultValue))
        + Wrap(" ", Join(node.Directives, " "));

    private static string PrintField(FieldNode node)
    {
        var prefix = (node.Alias is null ? "" : node.Alias.Value + ": ") + node.Name.Value;
        var argsLine = prefix + Wrap("(", Join(node.Arguments, ", "), ")");
        if (argsLine.Length > MaxLineLength)
            argsLine = prefix + Wrap("(\n", Indent(Join(node.Arguments, "\n")), "\n)");
        return JoinStrings(" ",
            argsLine,
            Join(node.Directives, " "),
            node.SelectionSet is null ? "" : Print(node.SelectionSet));
    }

    private static string PrintValue(ValueNode node) => node switch
    {
        VariableNode variable => "$" + variable.Name.Value,
        IntValueNode intValue => intValue.Value,
        FloatValueNode floatValue => floatValue.Value,
        StringValueNode stringValue => stringValue.Block
            ? BlockString.Print(stringValue.Value)
            : PrintString(stringValue.Value),
        BooleanValueNode booleanValue => booleanValue.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode enumValue => enumValue.Value,
        ListValueNode list => "[" + Join(list.Values, ", ") + "]",
        ObjectValueNode obj => "{" + Join(obj.Fields, ", ") + "}",
        _ => throw new ArgumentException($"Cannot print value node {node.GetType().Name}.", nameof(node)),
    };

    /// <summary>The keyword of an operation type: <c>query</c>, <c>mutation</c>, <c>subscription</c>.</summary>
    public static string OperationKeyword(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    // ---- The helpers of graphql-js's printer: empty parts vanish from joins and wraps. ----

    private static string Join<T>(IReadOnlyList<T> nodes, string separator) where T : Node
    {
        if (nodes.Count == 0) return "";
        if (nodes.Count == 1) return Print(nodes[0]);
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            var printed = Print(node);
            if (printed.Length == 0) continue;
            if (builder.Length > 0) builder.Append(separator);
            builder.Append(printed);
        }
        return builder.ToString();
    }

    private static string JoinStrings(string separator, params string[] parts) =>
        string.Join(separator, parts.Where(part => part.Length > 0));

    private static string Block<T>(IReadOnlyList<T> nodes) where T : Node =>
        Wrap("{\n", Indent(Join(nodes, "\n")), "\n}");

    private static string Wrap(string start, string? maybeString, string end = "") =>
        string.IsNullOrEmpty(maybeString) ? "" : start + maybeString + end;

    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  "));
}
