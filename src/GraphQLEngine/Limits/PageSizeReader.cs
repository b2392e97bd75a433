using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Limits;

/// <summary>Reads the <c>first</c>/<c>last</c> a field is given: a literal, a variable's value or default, or the argument's default.</summary>
internal sealed class PageSizeReader(OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? variables)
{
    private static readonly string[] PageSizeArguments = ["first", "last"];

    public static bool TakesPageSize(FieldDefinition definition) =>
        PageSizeArguments.Any(name => definition.GetArgument(name) is not null);

    /// <summary>The larger of <c>first</c> and <c>last</c>, or null when neither has a value.</summary>
    public long? Read(FieldNode field, FieldDefinition definition)
    {
        long? largest = null;
        foreach (var name in PageSizeArguments)
        {
            if (definition.GetArgument(name) is not { } argument) continue;
            var node = field.Arguments.FirstOrDefault(a => a.Name.Value == name);
            var value = node is not null
                ? FromValueNode(node.Value)
                : argument.HasDefaultValue ? IntegerValues.ToNonNegativeInteger(argument.DefaultValue) : null;
            if (value is { } v) largest = Math.Max(largest ?? 0, v);
        }
        return largest;
    }

    private long? FromValueNode(ValueNode value) => value switch
    {
        IntValueNode literal => long.TryParse(literal.Value, out var parsed) ? Math.Max(parsed, 0) : long.MaxValue,
        VariableNode variable => FromVariable(variable.Name.Value),
        _ => null,
    };

    private long? FromVariable(string name)
    {
        if (variables is not null && variables.TryGetValue(name, out var provided))
            return IntegerValues.ToNonNegativeInteger(provided);
        var definition = operation.VariableDefinitions.FirstOrDefault(d => d.Variable.Name.Value == name);
        return definition?.DefaultValue is IntValueNode literal && long.TryParse(literal.Value, out var parsed)
            ? Math.Max(parsed, 0)
            : null;
    }
}
