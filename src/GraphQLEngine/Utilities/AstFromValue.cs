using System.Collections;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>
/// graphql-js's <c>astFromValue</c>: an internal value to a literal of the given input type (used to print
/// default values). Returns null for <see cref="Undefined.Value"/> and when a non-null type gets null;
/// <c>null</c> becomes <c>NullValueNode</c>. Leaf values go through <see cref="ILeafType.Serialize"/>.
/// </summary>
public static class AstFromValue
{
    /// <exception cref="GraphQLError">A leaf value cannot be serialized.</exception>
    /// <exception cref="InvalidOperationException">A serialized leaf value has no literal form.</exception>
    public static ValueNode? Convert(object? value, GraphQLType type)
    {
        if (type is GraphQLNonNull nonNull)
        {
            var astValue = Convert(value, nonNull.OfType);
            return astValue is NullValueNode ? null : astValue;
        }
        if (value is null) return new NullValueNode();
        if (Undefined.Is(value)) return null;

        switch (type)
        {
            case GraphQLList list:
                if (value is IEnumerable items && value is not string && !ObjectEntries.IsObjectLike(value))
                {
                    var nodes = new List<ValueNode>();
                    foreach (var item in items)
                    {
                        if (Convert(item, list.OfType) is { } itemNode) nodes.Add(itemNode);
                    }
                    return new ListValueNode(nodes);
                }
                return Convert(value, list.OfType);

            case GraphQLInputObjectType inputObject:
                if (!IsObjectLikeValue(value)) return null;
                var fieldNodes = new List<ObjectFieldNode>();
                foreach (var field in inputObject.GetFields().Values)
                {
                    if (Convert(FieldValue(value, field.Name), field.Type) is { } fieldValue)
                    {
                        fieldNodes.Add(new ObjectFieldNode(new NameNode(field.Name), fieldValue));
                    }
                }
                return new ObjectValueNode(fieldNodes);

            case ILeafType leaf:
                return LeafToAst(leaf.Serialize(value), type);

            default:
                throw new ArgumentException($"Unexpected input type: {Inspector.Inspect(type)}.", nameof(type));
        }
    }

    private static ValueNode? LeafToAst(object? serialized, GraphQLType type)
    {
        if (serialized is System.Text.Json.JsonElement json) serialized = JsonValues.ToPlain(json);
        switch (serialized)
        {
            case null:
                return null;
            case bool b:
                return new BooleanValueNode(b);
            case string s when type is GraphQLEnumType:
                return new EnumValueNode(s);
            case string s when ReferenceEquals(type, Scalars.ID) && IsIntegerString(s):
                return new IntValueNode(s);
            case string s:
                return new StringValueNode(s);
        }
        if (JsNumber.ToDouble(serialized) is { } number && double.IsFinite(number))
        {
            var text = JsNumber.Format(serialized);
            return IsIntegerString(text) ? new IntValueNode(text) : new FloatValueNode(text);
        }
        throw new InvalidOperationException($"Cannot convert value to AST: {Inspector.Inspect(serialized)}.");
    }

    /// <summary>graphql-js's <c>/^-?(?:0|[1-9][0-9]*)$/</c>.</summary>
    private static bool IsIntegerString(string text)
    {
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        return digits == "0" || digits[0] != '0';
    }

    private static bool IsObjectLikeValue(object value) =>
        ObjectEntries.IsObjectLike(value) || (value is not string && value is not IEnumerable && !value.GetType().IsPrimitive && value is not decimal);

    /// <summary>A dictionary entry or a property (ignoring case) of a CLR object; <see cref="Undefined.Value"/> when missing.</summary>
    private static object? FieldValue(object value, string name)
    {
        if (ObjectEntries.IsObjectLike(value)) return ObjectEntries.Get(value, name);
        var property = value.GetType().GetProperties()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.GetIndexParameters().Length == 0);
        return property is null ? Undefined.Value : property.GetValue(value);
    }
}
