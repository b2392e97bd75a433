using System.Numerics;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Type;

/// <summary>
/// The five scalars of the spec, coercing exactly as graphql-js 16 (<c>type/scalars.ts</c>), including its
/// error messages. Internal values: <c>Int</c> → <see cref="int"/>, <c>Float</c> → <see cref="double"/>,
/// <c>String</c> and <c>ID</c> → <see cref="string"/>, <c>Boolean</c> → <see cref="bool"/>.
/// Any CLR number type is accepted where graphql-js accepts a JS number.
/// </summary>
public static class Scalars
{
    public const int MaxInt = int.MaxValue;
    public const int MinInt = int.MinValue;

    public static readonly GraphQLScalarType Int = new("Int")
    {
        Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
        Serializer = SerializeInt,
        ValueParser = ParseIntValue,
        LiteralParser = (node, _) => ParseIntLiteral(node),
    };

    public static readonly GraphQLScalarType Float = new("Float")
    {
        Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
        Serializer = SerializeFloat,
        ValueParser = ParseFloatValue,
        LiteralParser = (node, _) => ParseFloatLiteral(node),
    };

    public static readonly GraphQLScalarType String = new("String")
    {
        Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
        Serializer = SerializeString,
        ValueParser = value => value is string s
            ? s
            : throw new GraphQLError($"String cannot represent a non string value: {Inspector.Inspect(value)}"),
        LiteralParser = (node, _) => node is StringValueNode s
            ? s.Value
            : throw new GraphQLError($"String cannot represent a non string value: {Printer.Print(node)}", [node]),
    };

    public static readonly GraphQLScalarType Boolean = new("Boolean")
    {
        Description = "The `Boolean` scalar type represents `true` or `false`.",
        Serializer = SerializeBoolean,
        ValueParser = value => value is bool b
            ? b
            : throw new GraphQLError($"Boolean cannot represent a non boolean value: {Inspector.Inspect(value)}"),
        LiteralParser = (node, _) => node is BooleanValueNode b
            ? b.Value
            : throw new GraphQLError($"Boolean cannot represent a non boolean value: {Printer.Print(node)}", [node]),
    };

    public static readonly GraphQLScalarType ID = new("ID")
    {
        Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
        Serializer = SerializeId,
        ValueParser = ParseIdValue,
        LiteralParser = (node, _) => node switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new GraphQLError($"ID cannot represent a non-string and non-integer value: {Printer.Print(node)}", [node]),
        },
    };

    /// <summary>In the order graphql-js lists them (<c>specifiedScalarTypes</c>).</summary>
    public static readonly IReadOnlyList<GraphQLScalarType> SpecifiedScalarTypes = [String, Int, Float, Boolean, ID];

    /// <summary>Whether <paramref name="type"/> is (named like) one of the spec's scalars.</summary>
    public static bool IsSpecifiedScalarType(GraphQLNamedType type) => SpecifiedScalarTypes.Any(s => s.Name == type.Name);

    /// <summary>The JS number graphql-js would see after its own pre-coercion (booleans to 0/1, non-empty strings through <c>Number()</c>).</summary>
    private static double? LooseNumber(object? value) => value switch
    {
        bool b => b ? 1 : 0,
        string s when s.Length != 0 => JsNumber.ParseString(s),
        _ => JsNumber.ToDouble(value),
    };

    private static object SerializeInt(object? value)
    {
        if (value is int i) return i;
        var num = LooseNumber(value);
        if (num is not { } n || !JsNumber.IsInteger(n))
        {
            throw new GraphQLError($"Int cannot represent non-integer value: {Inspector.Inspect(value)}");
        }
        if (n > MaxInt || n < MinInt)
        {
            throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {Inspector.Inspect(value)}");
        }
        return (int)n;
    }

    private static object ParseIntValue(object? value)
    {
        if (value is int i) return i;
        if (JsNumber.ToDouble(value) is not { } n || !JsNumber.IsInteger(n))
        {
            throw new GraphQLError($"Int cannot represent non-integer value: {Inspector.Inspect(value)}");
        }
        if (n > MaxInt || n < MinInt)
        {
            throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {JsNumber.Format(value!)}");
        }
        return (int)n;
    }

    private static object ParseIntLiteral(ValueNode node)
    {
        if (node is not IntValueNode intNode)
        {
            throw new GraphQLError($"Int cannot represent non-integer value: {Printer.Print(node)}", [node]);
        }
        if (!BigInteger.TryParse(intNode.Value, out var parsed) || parsed > MaxInt || parsed < MinInt)
        {
            throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {intNode.Value}", [node]);
        }
        return (int)parsed;
    }

    private static object SerializeFloat(object? value)
    {
        var num = LooseNumber(value);
        if (num is not { } n || !double.IsFinite(n))
        {
            throw new GraphQLError($"Float cannot represent non numeric value: {Inspector.Inspect(value)}");
        }
        return n;
    }

    private static object ParseFloatValue(object? value)
    {
        if (JsNumber.ToDouble(value) is not { } n || !double.IsFinite(n))
        {
            throw new GraphQLError($"Float cannot represent non numeric value: {Inspector.Inspect(value)}");
        }
        return n;
    }

    private static object ParseFloatLiteral(ValueNode node) => node switch
    {
        FloatValueNode f => JsNumber.ParseString(f.Value),
        IntValueNode i => JsNumber.ParseString(i.Value),
        _ => throw new GraphQLError($"Float cannot represent non numeric value: {Printer.Print(node)}", [node]),
    };

    private static object SerializeString(object? value)
    {
        switch (value)
        {
            case string s: return s;
            case char c: return c.ToString();
            case bool b: return b ? "true" : "false";
        }
        if (JsNumber.ToDouble(value) is { } n && double.IsFinite(n)) return JsNumber.Format(value!);
        throw new GraphQLError($"String cannot represent value: {Inspector.Inspect(value)}");
    }

    private static object SerializeBoolean(object? value)
    {
        if (value is bool b) return b;
        if (JsNumber.ToDouble(value) is { } n && double.IsFinite(n)) return n != 0;
        throw new GraphQLError($"Boolean cannot represent a non boolean value: {Inspector.Inspect(value)}");
    }

    private static object SerializeId(object? value)
    {
        if (value is string s) return s;
        if (JsNumber.ToDouble(value) is { } n && JsNumber.IsInteger(n)) return JsNumber.Format(value!);
        throw new GraphQLError($"ID cannot represent value: {Inspector.Inspect(value)}");
    }

    private static object ParseIdValue(object? value)
    {
        if (value is string s) return s;
        if (JsNumber.ToDouble(value) is { } n && JsNumber.IsInteger(n)) return JsNumber.Format(value!);
        throw new GraphQLError($"ID cannot represent value: {Inspector.Inspect(value)}");
    }
}
