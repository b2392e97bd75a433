using System.Globalization;
using System.Numerics;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>
/// graphql-js's <c>valueFromASTUntyped</c>: a literal to a plain value without a type — ints as
/// <see cref="int"/> (or <see cref="long"/>/<see cref="double"/> when too large), floats as <see cref="double"/>,
/// strings/enums as <see cref="string"/>, lists as <c>List&lt;object?&gt;</c>, objects as
/// <c>Dictionary&lt;string, object?&gt;</c>. Variables are looked up; a missing one gives <see cref="Undefined.Value"/>.
/// </summary>
public static class ValueFromAstUntyped
{
    public static object? Convert(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) => valueNode switch
    {
        NullValueNode => null,
        IntValueNode i => ParseInt(i.Value),
        FloatValueNode f => JsNumber.ParseString(f.Value),
        StringValueNode s => s.Value,
        EnumValueNode e => e.Value,
        BooleanValueNode b => b.Value,
        ListValueNode l => l.Values.Select(v => Convert(v, variables)).ToList(),
        ObjectValueNode o => ToObject(o, variables),
        VariableNode v => variables is not null && variables.TryGetValue(v.Name.Value, out var value) ? value : Undefined.Value,
        _ => throw new ArgumentException($"Unexpected value node: {valueNode.GetType().Name}.", nameof(valueNode)),
    };

    private static object ParseInt(string text)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        return (double)BigInteger.Parse(text, CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, object?> ToObject(ObjectValueNode node, IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new Dictionary<string, object?>();
        foreach (var field in node.Fields) result[field.Name.Value] = Convert(field.Value, variables);
        return result;
    }
}
