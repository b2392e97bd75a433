using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Limits;

/// <summary>
/// Reads the <c>first</c>/<c>last</c> a field is given (a literal, a variable's value or default, or the argument's
/// default), and whether <c>@skip</c>/<c>@include</c> leave a selection out.
/// </summary>
internal sealed class OperationValueReader(OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? variables)
{
    private static readonly string[] PageSizeArguments = ["first", "last"];

    public static bool TakesPageSize(FieldDefinition definition) =>
        PageSizeArguments.Any(name => definition.GetArgument(name) is not null);

    /// <summary>The page-size arguments <paramref name="definition"/> has, in the order a message names them.</summary>
    public static IReadOnlyList<string> PageSizeArgumentsOf(FieldDefinition definition) =>
        [.. PageSizeArguments.Where(name => definition.GetArgument(name) is not null)];

    /// <summary>The larger of <c>first</c> and <c>last</c>, or null when neither has a value.</summary>
    public long? Read(FieldNode field, FieldDefinition definition)
    {
        long? largest = null;
        foreach (var name in PageSizeArguments)
        {
            if (definition.GetArgument(name) is not { } argument) continue;
            var node = Named(field.Arguments, name);
            // A variable given no value and no default leaves the argument unset, so its default applies (as
            // CoerceArgumentValues does); a variable given null is null.
            var value = node is not null && !IsUnsetVariable(node.Value)
                ? FromValueNode(node.Value)
                : argument.HasDefaultValue ? IntegerValues.ToNonNegativeInteger(argument.DefaultValue) : null;
            // A variable given null for a non-null argument is that field's error when it runs (CoerceArgumentValues),
            // where graphql-js puts it, not a page size left out: measured at the argument's default, so the request
            // runs and answers it there.
            if (value is null && node is not null && argument.Type is GraphQLNonNull && argument.HasDefaultValue)
                value = IntegerValues.ToNonNegativeInteger(argument.DefaultValue);
            if (value is { } v) largest = Math.Max(largest ?? 0, v);
        }
        return largest;
    }

    /// <summary>Whether <c>@skip(if: true)</c> or <c>@include(if: false)</c> leaves the selection out of the response.</summary>
    public bool IsExcluded(SelectionNode selection)
    {
        // Most selections have no directive; the introspection count asks for each of thousands.
        if (selection.Directives.Count == 0) return false;
        var directives = selection.Directives;
        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            var condition = Named(directive.Arguments, "if")?.Value;
            if (condition is null) continue;
            if (directive.Name.Value == "skip" && BooleanOf(condition) == true) return true;
            if (directive.Name.Value == "include" && BooleanOf(condition) == false) return true;
        }
        return false;
    }

    /// <summary>
    /// The Boolean argument <paramref name="name"/> of <paramref name="field"/>: its literal or variable value, or
    /// <paramref name="absent"/> when it is not written; null when its value cannot be read here.
    /// </summary>
    public bool? ReadBoolean(FieldNode field, string name, bool absent)
    {
        var node = Named(field.Arguments, name);
        return node is null ? absent : BooleanOf(node.Value);
    }

    /// <summary>The String argument <paramref name="name"/> of <paramref name="field"/>; null when absent or not readable here.</summary>
    public string? ReadString(FieldNode field, string name)
    {
        var node = Named(field.Arguments, name)?.Value;
        return node switch
        {
            StringValueNode literal => literal.Value,
            VariableNode variable when variables is not null && variables.TryGetValue(variable.Name.Value, out var provided) => provided switch
            {
                string text => text,
                System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json => json.GetString(),
                _ => null,
            },
            VariableNode variable => DefaultOf(variable.Name.Value) is StringValueNode fallback ? fallback.Value : null,
            _ => null,
        };
    }

    // A loop rather than LINQ: the introspection count reads arguments of thousands of fields per request, and a
    // lambda capturing the name allocates on every call.
    private static ArgumentNode? Named(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name.Value == name) return arguments[i];
        }
        return null;
    }

    private bool? BooleanOf(ValueNode value) => value switch
    {
        BooleanValueNode literal => literal.Value,
        VariableNode variable when variables is not null && variables.TryGetValue(variable.Name.Value, out var provided) => provided switch
        {
            bool b => b,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.True } => true,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.False } => false,
            _ => null,
        },
        VariableNode variable => DefaultOf(variable.Name.Value) is BooleanValueNode fallback ? fallback.Value : null,
        _ => null,
    };

    private long? FromValueNode(ValueNode value) => value switch
    {
        IntValueNode literal => long.TryParse(literal.Value, out var parsed) ? Math.Max(parsed, 0) : long.MaxValue,
        VariableNode variable => FromVariable(variable.Name.Value),
        _ => null,
    };

    private bool IsUnsetVariable(ValueNode value) =>
        value is VariableNode variable
        && (variables is null || !variables.ContainsKey(variable.Name.Value))
        && DefaultOf(variable.Name.Value) is null;

    private long? FromVariable(string name)
    {
        if (variables is not null && variables.TryGetValue(name, out var provided))
            return IntegerValues.ToNonNegativeInteger(provided);
        return DefaultOf(name) is IntValueNode literal && long.TryParse(literal.Value, out var parsed)
            ? Math.Max(parsed, 0)
            : null;
    }

    /// <summary>The default the operation declares for variable <paramref name="name"/>, if any.</summary>
    private ValueNode? DefaultOf(string name)
    {
        foreach (var definition in operation.VariableDefinitions)
        {
            if (definition.Variable.Name.Value == name) return definition.DefaultValue;
        }
        return null;
    }
}
