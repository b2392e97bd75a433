using System.Globalization;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>
/// Random input values for a given input type, both as literals written in a document and as plain values sent
/// as variables. Mostly values the type accepts; now and then one it does not, so that coercion's error paths
/// run as often as its happy paths.
/// </summary>
internal sealed class InputValueGenerator(Random random)
{
    // String pieces that each stress the lexer or printer somewhere: escapes of every kind, astral characters
    // written directly and escaped, characters the printer must escape, and a lone surrogate escape.
    private static readonly string[] StringPieces =
    [
        "plain", " ", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u0000", "\\u001F", "\\uD83D\\uDE00", "\\u{1F600}",
        "\\u{10FFFF}", "é", "中", "😀", "\u007F", "'", "#not a comment", "\\b",
    ];

    private static readonly string[] BlockStringPieces =
    [
        "line", "\n", "\n    indented", "\\\"\"\"", "\"", "\"\"", "\t", "\r\n", "   ", "😀", "\\n stays", "#", "{ }",
    ];

    private static readonly string[] IntLiterals = ["0", "1", "-1", "42", "2147483647", "-2147483648", "-0"];
    private static readonly string[] FloatLiterals = ["1.5", "-0.0", "1e10", "3", "6.02e23", "1E-7", "0.1", "-12.5e+3"];
    private static readonly string[] JunkLiterals =
    [
        "2147483648", "99999999999999999999999999", "1e999", "-1e999", "1.7976931348623157e309", "\"\"", "[]", "{}", "null",
        "true", "NOT_A_VALUE", "[[1]]", "{unknown: 1}", "1.0", "\"1\"", "0x10", "1.", ".5", "1e", "$", "007", "\"\\uD800\"",
        "\"\\u{110000}\"", "\"\\uDE00\\uD83D\"",
    ];

    /// <summary>A literal of <paramref name="type"/>; <paramref name="variable"/> may stand in for any part of it.</summary>
    public string Literal(GraphQLType type, int depth, Func<GraphQLType, string?> variable)
    {
        if (random.Next(80) == 0) return JunkLiterals[random.Next(JunkLiterals.Length)];
        if (depth > 0 && random.Next(12) == 0 && variable(type) is { } name) return name;
        return Literal(type, type is GraphQLNonNull, depth, variable);
    }

    private string Literal(GraphQLType type, bool nonNull, int depth, Func<GraphQLType, string?> variable)
    {
        switch (type)
        {
            case GraphQLNonNull wrapper:
                return Literal(wrapper.OfType, nonNull: true, depth, variable);
            case var _ when !nonNull && random.Next(25) == 0:
                return "null";
            case GraphQLList list:
                if (random.Next(3) == 0) return Literal(list.OfType, depth + 1, variable);
                var items = Enumerable.Range(0, random.Next(4)).Select(_ => Literal(list.OfType, depth + 1, variable));
                return "[" + string.Join(random.Next(2) == 0 ? ", " : " ", items) + "]";
            case GraphQLEnumType enumType:
                var values = enumType.GetValues();
                return random.Next(15) == 0 ? "UNKNOWN_VALUE" : values[random.Next(values.Count)].Name;
            case GraphQLInputObjectType inputObject:
                return ObjectLiteral(inputObject, depth, variable);
            case GraphQLScalarType scalar:
                return ScalarLiteral(scalar.Name);
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not an input type.");
        }
    }

    private string ObjectLiteral(GraphQLInputObjectType type, int depth, Func<GraphQLType, string?> variable)
    {
        var fields = type.GetFields().Values.ToList();
        var chosen = type.IsOneOf
            ? [fields[random.Next(fields.Count)]]
            : fields.Where(f => f.IsRequired || random.Next(3) == 0 && (depth < 6 || f.Type.GetNamedType() != type)).ToList();
        var entries = chosen.Select(f => f.Name + ": " + Literal(f.Type, depth + 1, variable)).ToList();
        if (random.Next(20) == 0) entries.Add("unknownField: 1");
        if (random.Next(30) == 0 && entries.Count > 0) entries.Add(entries[0]);
        return "{" + string.Join(", ", entries) + "}";
    }

    private string ScalarLiteral(string scalar) => scalar switch
    {
        "Int" => IntLiterals[random.Next(IntLiterals.Length)],
        "Float" => FloatLiterals[random.Next(FloatLiterals.Length)],
        "Boolean" => random.Next(2) == 0 ? "true" : "false",
        "ID" => random.Next(3) == 0 ? random.Next(1, 9).ToString(CultureInfo.InvariantCulture) : "\"b" + random.Next(1, 6) + "\"",
        _ => random.Next(6) == 0 ? BlockString() : QuotedString(),
    };

    public string QuotedString() =>
        "\"" + string.Concat(Enumerable.Range(0, random.Next(5)).Select(_ => StringPieces[random.Next(StringPieces.Length)])) + "\"";

    private string BlockString() =>
        "\"\"\"" + string.Concat(Enumerable.Range(0, random.Next(6)).Select(_ => BlockStringPieces[random.Next(BlockStringPieces.Length)])) + "\"\"\"";

    /// <summary>A variable value of <paramref name="type"/> as a client would send it (mostly acceptable).</summary>
    public object? Plain(GraphQLType type, int depth = 0)
    {
        if (random.Next(30) == 0) return Junk(depth);
        switch (type)
        {
            case GraphQLNonNull nonNull:
                return Plain(nonNull.OfType, depth);
            case var _ when random.Next(20) == 0:
                return null;
            case GraphQLList list:
                if (random.Next(3) == 0) return Plain(list.OfType, depth + 1);
                return Enumerable.Range(0, random.Next(4)).Select(_ => Plain(list.OfType, depth + 1)).ToList();
            case GraphQLEnumType enumType:
                var values = enumType.GetValues();
                return values[random.Next(values.Count)].Name;
            case GraphQLInputObjectType inputObject:
                var fields = inputObject.GetFields().Values.ToList();
                var chosen = inputObject.IsOneOf
                    ? [fields[random.Next(fields.Count)]]
                    : fields.Where(f => f.IsRequired || random.Next(3) == 0 && depth < 6).ToList();
                return chosen.ToDictionary(f => f.Name, f => Plain(f.Type, depth + 1));
            case GraphQLScalarType { Name: "Int" }:
                return random.Next(-5, 500);
            case GraphQLScalarType { Name: "Float" }:
                return random.NextDouble() * 100;
            case GraphQLScalarType { Name: "Boolean" }:
                return random.Next(2) == 0;
            case GraphQLScalarType { Name: "ID" }:
                return "b" + random.Next(1, 6);
            default:
                return RandomText();
        }
    }

    /// <summary>Any plain value at all: what a careless or hostile client might send for any variable.</summary>
    public object? Junk(int depth = 0) => random.Next(depth > 3 ? 9 : 11) switch
    {
        0 => null,
        1 => long.MaxValue,
        2 => double.NaN,
        3 => double.PositiveInfinity,
        4 => 1e300,
        5 => -0.0,
        6 => RandomText(),
        7 => "\uD800",
        8 => int.MinValue,
        9 => new List<object?> { Junk(depth + 1), Junk(depth + 1) },
        _ => new Dictionary<string, object?> { ["genre"] = Junk(depth + 1), ["nested"] = Junk(depth + 1), ["x"] = 1 },
    };

    private string RandomText()
    {
        var length = random.Next(12);
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = (char)(r.Next(4) == 0 ? r.Next(0, 0x10000) : r.Next(32, 127));
        });
    }
}
