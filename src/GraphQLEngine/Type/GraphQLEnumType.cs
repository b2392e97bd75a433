using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Type;

/// <summary>
/// An enum type (graphql-js's <c>GraphQLEnumType</c>): names on the wire, internal values
/// (<see cref="EnumValueDefinition.Value"/>) in resolvers. See <see cref="ClrEnumType"/> to derive one from a CLR enum.
/// </summary>
public sealed class GraphQLEnumType : GraphQLNamedType, ILeafType
{
    private readonly IReadOnlyList<EnumValueDefinition> _values;
    private readonly Dictionary<string, EnumValueDefinition> _byName;
    private readonly Dictionary<object, EnumValueDefinition> _byValue = new();
    private readonly EnumValueDefinition? _nullValue;

    public GraphQLEnumType(string name, IEnumerable<EnumValueDefinition> values) : base(name)
    {
        _values = DefinitionLists.EnsureUniqueNames(values, v => v.Name, $"{Name} value");
        _byName = _values.ToDictionary(v => v.Name);
        foreach (var value in _values)
        {
            if (value.Value is null) _nullValue ??= value;
            else _byValue.TryAdd(value.Value, value);
        }
    }

    /// <summary>Values in declaration order.</summary>
    public IReadOnlyList<EnumValueDefinition> GetValues() => _values;

    /// <summary>The value called <paramref name="name"/>, or null.</summary>
    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Internal value → name.</summary>
    public object? Serialize(object? outputValue)
    {
        var found = outputValue is null ? _nullValue : _byValue.GetValueOrDefault(outputValue);
        return found?.Name
            ?? throw new GraphQLError($"Enum \"{Name}\" cannot represent value: {Inspector.Inspect(outputValue)}");
    }

    /// <summary>Name (as a JSON string) → internal value.</summary>
    public object? ParseValue(object? inputValue)
    {
        if (inputValue is System.Text.Json.JsonElement json) inputValue = JsonValues.ToPlain(json);
        if (inputValue is not string name)
        {
            var valueText = Inspector.Inspect(inputValue);
            throw new GraphQLError(
                $"Enum \"{Name}\" cannot represent non-string value: {valueText}." + DidYouMeanValue(valueText));
        }
        var found = GetValue(name)
            ?? throw new GraphQLError($"Value \"{name}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(name));
        return found.Value;
    }

    /// <summary>Enum literal → internal value.</summary>
    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
    {
        if (valueNode is not EnumValueNode enumNode)
        {
            var valueText = Printer.Print(valueNode);
            throw new GraphQLError(
                $"Enum \"{Name}\" cannot represent non-enum value: {valueText}." + DidYouMeanValue(valueText), [valueNode]);
        }
        var found = GetValue(enumNode.Value)
            ?? throw new GraphQLError(
                $"Value \"{enumNode.Value}\" does not exist in \"{Name}\" enum." + DidYouMeanValue(enumNode.Value), [valueNode]);
        return found.Value;
    }

    private string DidYouMeanValue(string unknownValue) =>
        DidYouMean.Format("the enum value", SuggestionList.Suggest(unknownValue, _values.Select(v => v.Name)));
}
