using System.Text;
using GraphQLEngine.Language;

namespace GraphQLEngine.Utilities;

/// <summary>
/// Prints value literals exactly as graphql-js's <c>print()</c> does for value nodes, for the places
/// the type system needs it (coercion messages, default values in SDL and introspection).
/// </summary>
public static class ValueLiteralPrinter
{
    public static string Print(ValueNode node) => node switch
    {
        VariableNode v => "$" + v.Name.Value,
        IntValueNode i => i.Value,
        FloatValueNode f => f.Value,
        StringValueNode { Block: true } s => BlockString.Print(s.Value),
        StringValueNode s => PrintString(s.Value),
        BooleanValueNode b => b.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode e => e.Value,
        ListValueNode l => "[" + string.Join(", ", l.Values.Select(Print)) + "]",
        ObjectValueNode o => "{" + string.Join(", ", o.Fields.Select(f => f.Name.Value + ": " + Print(f.Value))) + "}",
        _ => throw new ArgumentException($"Unexpected value node: {node.GetType().Name}.", nameof(node)),
    };

    /// <summary>A double-quoted string literal with graphql-js's escapes (control characters as <c>\uXXXX</c>).</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    builder.Append("\\u").Append(((int)c).ToString("X4")); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }
}
