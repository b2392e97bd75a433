using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Type;

// Ported from graphql-js 16's src/type/__tests__/scalars-test.ts; JS-only inputs (bigint, valueOf objects)
// are replaced by their CLR counterparts (long, decimal, dictionaries).
public class ScalarCoercionTests
{
    private static string Error(Action action) => Assert.Throws<GraphQLError>(action).Message;

    private static Dictionary<string, object?> Obj(string key, object? value) => new() { [key] = value };

    [Fact]
    public void Int_parse_value()
    {
        Assert.Equal(1, Scalars.Int.ParseValue(1));
        Assert.Equal(0, Scalars.Int.ParseValue(0));
        Assert.Equal(-1, Scalars.Int.ParseValue(-1));
        Assert.Equal(1, Scalars.Int.ParseValue(1L));
        Assert.Equal(3, Scalars.Int.ParseValue(3.0));

        Assert.Equal("Int cannot represent non 32-bit signed integer value: 9876504321", Error(() => Scalars.Int.ParseValue(9876504321)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: -9876504321", Error(() => Scalars.Int.ParseValue(-9876504321)));
        Assert.Equal("Int cannot represent non-integer value: 0.1", Error(() => Scalars.Int.ParseValue(0.1)));
        Assert.Equal("Int cannot represent non-integer value: NaN", Error(() => Scalars.Int.ParseValue(double.NaN)));
        Assert.Equal("Int cannot represent non-integer value: Infinity", Error(() => Scalars.Int.ParseValue(double.PositiveInfinity)));
        Assert.Equal("Int cannot represent non-integer value: undefined", Error(() => Scalars.Int.ParseValue(Undefined.Value)));
        Assert.Equal("Int cannot represent non-integer value: null", Error(() => Scalars.Int.ParseValue(null)));
        Assert.Equal("Int cannot represent non-integer value: \"\"", Error(() => Scalars.Int.ParseValue("")));
        Assert.Equal("Int cannot represent non-integer value: \"123\"", Error(() => Scalars.Int.ParseValue("123")));
        Assert.Equal("Int cannot represent non-integer value: false", Error(() => Scalars.Int.ParseValue(false)));
        Assert.Equal("Int cannot represent non-integer value: true", Error(() => Scalars.Int.ParseValue(true)));
        Assert.Equal("Int cannot represent non-integer value: [1]", Error(() => Scalars.Int.ParseValue(new List<object?> { 1 })));
        Assert.Equal("Int cannot represent non-integer value: { value: 1 }", Error(() => Scalars.Int.ParseValue(Obj("value", 1))));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("0", 0)]
    [InlineData("-1", -1)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void Int_parse_literal(string literal, int expected) =>
        Assert.Equal(expected, Scalars.Int.ParseLiteral(Parser.ParseValue(literal)));

    [Theory]
    [InlineData("9876504321", "Int cannot represent non 32-bit signed integer value: 9876504321")]
    [InlineData("-9876504321", "Int cannot represent non 32-bit signed integer value: -9876504321")]
    [InlineData("1.0", "Int cannot represent non-integer value: 1.0")]
    [InlineData("null", "Int cannot represent non-integer value: null")]
    [InlineData("\"\"", "Int cannot represent non-integer value: \"\"")]
    [InlineData("\"123\"", "Int cannot represent non-integer value: \"123\"")]
    [InlineData("false", "Int cannot represent non-integer value: false")]
    [InlineData("[1]", "Int cannot represent non-integer value: [1]")]
    [InlineData("{ value: 1 }", "Int cannot represent non-integer value: {value: 1}")]
    [InlineData("ENUM_VALUE", "Int cannot represent non-integer value: ENUM_VALUE")]
    [InlineData("$var", "Int cannot represent non-integer value: $var")]
    public void Int_parse_literal_rejects(string literal, string message)
    {
        var node = Parser.ParseValue(literal);
        var error = Assert.Throws<GraphQLError>(() => Scalars.Int.ParseLiteral(node));
        Assert.Equal(message, error.Message);
        Assert.Same(node, Assert.Single(error.Nodes));
    }

    [Fact]
    public void Int_serialize()
    {
        Assert.Equal(1, Scalars.Int.Serialize(1));
        Assert.Equal(123, Scalars.Int.Serialize("123"));
        Assert.Equal(0, Scalars.Int.Serialize(0));
        Assert.Equal(-1, Scalars.Int.Serialize(-1));
        Assert.Equal(100000, Scalars.Int.Serialize(1e5));
        Assert.Equal(0, Scalars.Int.Serialize(false));
        Assert.Equal(1, Scalars.Int.Serialize(true));
        Assert.Equal(1, Scalars.Int.Serialize(1L));
        Assert.Equal(5, Scalars.Int.Serialize(5m));
        Assert.Equal(7, Scalars.Int.Serialize((byte)7));

        Assert.Equal("Int cannot represent non-integer value: 0.1", Error(() => Scalars.Int.Serialize(0.1)));
        Assert.Equal("Int cannot represent non-integer value: 1.1", Error(() => Scalars.Int.Serialize(1.1)));
        Assert.Equal("Int cannot represent non-integer value: -1.1", Error(() => Scalars.Int.Serialize(-1.1)));
        Assert.Equal("Int cannot represent non-integer value: 1.5", Error(() => Scalars.Int.Serialize(1.5m)));
        Assert.Equal("Int cannot represent non-integer value: \"-1.1\"", Error(() => Scalars.Int.Serialize("-1.1")));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 9876504321", Error(() => Scalars.Int.Serialize(9876504321)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: -9876504321", Error(() => Scalars.Int.Serialize(-9876504321)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 1e+100", Error(() => Scalars.Int.Serialize(1e100)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: -1e+100", Error(() => Scalars.Int.Serialize(-1e100)));
        Assert.Equal("Int cannot represent non-integer value: \"one\"", Error(() => Scalars.Int.Serialize("one")));
        Assert.Equal("Int cannot represent non-integer value: \"\"", Error(() => Scalars.Int.Serialize("")));
        Assert.Equal("Int cannot represent non-integer value: NaN", Error(() => Scalars.Int.Serialize(double.NaN)));
        Assert.Equal("Int cannot represent non-integer value: Infinity", Error(() => Scalars.Int.Serialize(double.PositiveInfinity)));
        Assert.Equal("Int cannot represent non-integer value: [5]", Error(() => Scalars.Int.Serialize(new[] { 5 })));
    }

    [Fact]
    public void Float_parse_value()
    {
        Assert.Equal(1.0, Scalars.Float.ParseValue(1));
        Assert.Equal(0.0, Scalars.Float.ParseValue(0));
        Assert.Equal(-1.0, Scalars.Float.ParseValue(-1));
        Assert.Equal(0.1, Scalars.Float.ParseValue(0.1));
        Assert.Equal(Math.PI, Scalars.Float.ParseValue(Math.PI));
        Assert.Equal(1.0, Scalars.Float.ParseValue(1L));

        Assert.Equal("Float cannot represent non numeric value: NaN", Error(() => Scalars.Float.ParseValue(double.NaN)));
        Assert.Equal("Float cannot represent non numeric value: Infinity", Error(() => Scalars.Float.ParseValue(double.PositiveInfinity)));
        Assert.Equal("Float cannot represent non numeric value: undefined", Error(() => Scalars.Float.ParseValue(Undefined.Value)));
        Assert.Equal("Float cannot represent non numeric value: null", Error(() => Scalars.Float.ParseValue(null)));
        Assert.Equal("Float cannot represent non numeric value: \"\"", Error(() => Scalars.Float.ParseValue("")));
        Assert.Equal("Float cannot represent non numeric value: \"123\"", Error(() => Scalars.Float.ParseValue("123")));
        Assert.Equal("Float cannot represent non numeric value: \"123.5\"", Error(() => Scalars.Float.ParseValue("123.5")));
        Assert.Equal("Float cannot represent non numeric value: false", Error(() => Scalars.Float.ParseValue(false)));
        Assert.Equal("Float cannot represent non numeric value: true", Error(() => Scalars.Float.ParseValue(true)));
        Assert.Equal("Float cannot represent non numeric value: [0.1]", Error(() => Scalars.Float.ParseValue(new List<object?> { 0.1 })));
        Assert.Equal("Float cannot represent non numeric value: { value: 0.1 }", Error(() => Scalars.Float.ParseValue(Obj("value", 0.1))));
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("0", 0.0)]
    [InlineData("-1", -1.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("3.141592653589793", Math.PI)]
    [InlineData("1e3", 1000.0)]
    public void Float_parse_literal(string literal, double expected) =>
        Assert.Equal(expected, Scalars.Float.ParseLiteral(Parser.ParseValue(literal)));

    [Theory]
    [InlineData("null", "Float cannot represent non numeric value: null")]
    [InlineData("\"\"", "Float cannot represent non numeric value: \"\"")]
    [InlineData("\"123\"", "Float cannot represent non numeric value: \"123\"")]
    [InlineData("\"123.5\"", "Float cannot represent non numeric value: \"123.5\"")]
    [InlineData("false", "Float cannot represent non numeric value: false")]
    [InlineData("[0.1]", "Float cannot represent non numeric value: [0.1]")]
    [InlineData("{ value: 0.1 }", "Float cannot represent non numeric value: {value: 0.1}")]
    [InlineData("ENUM_VALUE", "Float cannot represent non numeric value: ENUM_VALUE")]
    public void Float_parse_literal_rejects(string literal, string message) =>
        Assert.Equal(message, Error(() => Scalars.Float.ParseLiteral(Parser.ParseValue(literal))));

    [Fact]
    public void Float_serialize()
    {
        Assert.Equal(1.0, Scalars.Float.Serialize(1));
        Assert.Equal(0.0, Scalars.Float.Serialize(0));
        Assert.Equal(123.5, Scalars.Float.Serialize("123.5"));
        Assert.Equal(-1.0, Scalars.Float.Serialize(-1));
        Assert.Equal(0.1, Scalars.Float.Serialize(0.1));
        Assert.Equal(1.1, Scalars.Float.Serialize(1.1));
        Assert.Equal(-1.1, Scalars.Float.Serialize(-1.1));
        Assert.Equal(-1.1, Scalars.Float.Serialize("-1.1"));
        Assert.Equal(0.0, Scalars.Float.Serialize(false));
        Assert.Equal(1.0, Scalars.Float.Serialize(true));
        Assert.Equal(5.5, Scalars.Float.Serialize(5.5m));

        Assert.Equal("Float cannot represent non numeric value: NaN", Error(() => Scalars.Float.Serialize(double.NaN)));
        Assert.Equal("Float cannot represent non numeric value: Infinity", Error(() => Scalars.Float.Serialize(double.PositiveInfinity)));
        Assert.Equal("Float cannot represent non numeric value: \"one\"", Error(() => Scalars.Float.Serialize("one")));
        Assert.Equal("Float cannot represent non numeric value: \"\"", Error(() => Scalars.Float.Serialize("")));
        Assert.Equal("Float cannot represent non numeric value: [5]", Error(() => Scalars.Float.Serialize(new[] { 5 })));
    }

    [Fact]
    public void String_parse_value()
    {
        Assert.Equal("foo", Scalars.String.ParseValue("foo"));

        Assert.Equal("String cannot represent a non string value: undefined", Error(() => Scalars.String.ParseValue(Undefined.Value)));
        Assert.Equal("String cannot represent a non string value: null", Error(() => Scalars.String.ParseValue(null)));
        Assert.Equal("String cannot represent a non string value: 1", Error(() => Scalars.String.ParseValue(1)));
        Assert.Equal("String cannot represent a non string value: NaN", Error(() => Scalars.String.ParseValue(double.NaN)));
        Assert.Equal("String cannot represent a non string value: false", Error(() => Scalars.String.ParseValue(false)));
        Assert.Equal("String cannot represent a non string value: [\"foo\"]", Error(() => Scalars.String.ParseValue(new List<object?> { "foo" })));
        Assert.Equal("String cannot represent a non string value: { value: \"foo\" }", Error(() => Scalars.String.ParseValue(Obj("value", "foo"))));
    }

    [Theory]
    [InlineData("\"foo\"", "foo")]
    [InlineData("\"\"\"bar\"\"\"", "bar")]
    public void String_parse_literal(string literal, string expected) =>
        Assert.Equal(expected, Scalars.String.ParseLiteral(Parser.ParseValue(literal)));

    [Theory]
    [InlineData("null", "String cannot represent a non string value: null")]
    [InlineData("1", "String cannot represent a non string value: 1")]
    [InlineData("0.1", "String cannot represent a non string value: 0.1")]
    [InlineData("false", "String cannot represent a non string value: false")]
    [InlineData("[\"foo\"]", "String cannot represent a non string value: [\"foo\"]")]
    [InlineData("{ value: \"foo\" }", "String cannot represent a non string value: {value: \"foo\"}")]
    [InlineData("ENUM_VALUE", "String cannot represent a non string value: ENUM_VALUE")]
    public void String_parse_literal_rejects(string literal, string message) =>
        Assert.Equal(message, Error(() => Scalars.String.ParseLiteral(Parser.ParseValue(literal))));

    [Fact]
    public void String_serialize()
    {
        Assert.Equal("string", Scalars.String.Serialize("string"));
        Assert.Equal("1", Scalars.String.Serialize(1));
        Assert.Equal("-1.1", Scalars.String.Serialize(-1.1));
        Assert.Equal("1", Scalars.String.Serialize(1.0));
        Assert.Equal("1e+21", Scalars.String.Serialize(1e21));
        Assert.Equal("true", Scalars.String.Serialize(true));
        Assert.Equal("false", Scalars.String.Serialize(false));
        Assert.Equal("9007199254740993", Scalars.String.Serialize(9007199254740993L));

        Assert.Equal("String cannot represent value: NaN", Error(() => Scalars.String.Serialize(double.NaN)));
        Assert.Equal("String cannot represent value: [1]", Error(() => Scalars.String.Serialize(new[] { 1 })));
        Assert.Equal("String cannot represent value: {}", Error(() => Scalars.String.Serialize(new Dictionary<string, object?>())));
        Assert.Equal("String cannot represent value: { valueOf: \"valueOf string\" }",
            Error(() => Scalars.String.Serialize(Obj("valueOf", "valueOf string"))));
    }

    [Fact]
    public void Boolean_parse_value()
    {
        Assert.Equal(true, Scalars.Boolean.ParseValue(true));
        Assert.Equal(false, Scalars.Boolean.ParseValue(false));

        Assert.Equal("Boolean cannot represent a non boolean value: undefined", Error(() => Scalars.Boolean.ParseValue(Undefined.Value)));
        Assert.Equal("Boolean cannot represent a non boolean value: null", Error(() => Scalars.Boolean.ParseValue(null)));
        Assert.Equal("Boolean cannot represent a non boolean value: 0", Error(() => Scalars.Boolean.ParseValue(0)));
        Assert.Equal("Boolean cannot represent a non boolean value: 1", Error(() => Scalars.Boolean.ParseValue(1)));
        Assert.Equal("Boolean cannot represent a non boolean value: NaN", Error(() => Scalars.Boolean.ParseValue(double.NaN)));
        Assert.Equal("Boolean cannot represent a non boolean value: \"\"", Error(() => Scalars.Boolean.ParseValue("")));
        Assert.Equal("Boolean cannot represent a non boolean value: \"false\"", Error(() => Scalars.Boolean.ParseValue("false")));
        Assert.Equal("Boolean cannot represent a non boolean value: [false]", Error(() => Scalars.Boolean.ParseValue(new List<object?> { false })));
        Assert.Equal("Boolean cannot represent a non boolean value: { value: false }", Error(() => Scalars.Boolean.ParseValue(Obj("value", false))));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Boolean_parse_literal(string literal, bool expected) =>
        Assert.Equal(expected, Scalars.Boolean.ParseLiteral(Parser.ParseValue(literal)));

    [Theory]
    [InlineData("null", "Boolean cannot represent a non boolean value: null")]
    [InlineData("0", "Boolean cannot represent a non boolean value: 0")]
    [InlineData("1", "Boolean cannot represent a non boolean value: 1")]
    [InlineData("0.1", "Boolean cannot represent a non boolean value: 0.1")]
    [InlineData("\"\"", "Boolean cannot represent a non boolean value: \"\"")]
    [InlineData("\"false\"", "Boolean cannot represent a non boolean value: \"false\"")]
    [InlineData("[false]", "Boolean cannot represent a non boolean value: [false]")]
    [InlineData("{ value: false }", "Boolean cannot represent a non boolean value: {value: false}")]
    [InlineData("ENUM_VALUE", "Boolean cannot represent a non boolean value: ENUM_VALUE")]
    public void Boolean_parse_literal_rejects(string literal, string message) =>
        Assert.Equal(message, Error(() => Scalars.Boolean.ParseLiteral(Parser.ParseValue(literal))));

    [Fact]
    public void Boolean_serialize()
    {
        Assert.Equal(true, Scalars.Boolean.Serialize(true));
        Assert.Equal(true, Scalars.Boolean.Serialize(1));
        Assert.Equal(false, Scalars.Boolean.Serialize(false));
        Assert.Equal(false, Scalars.Boolean.Serialize(0));
        Assert.Equal(true, Scalars.Boolean.Serialize(-0.5));

        Assert.Equal("Boolean cannot represent a non boolean value: NaN", Error(() => Scalars.Boolean.Serialize(double.NaN)));
        Assert.Equal("Boolean cannot represent a non boolean value: \"\"", Error(() => Scalars.Boolean.Serialize("")));
        Assert.Equal("Boolean cannot represent a non boolean value: \"true\"", Error(() => Scalars.Boolean.Serialize("true")));
        Assert.Equal("Boolean cannot represent a non boolean value: [false]", Error(() => Scalars.Boolean.Serialize(new[] { false })));
        Assert.Equal("Boolean cannot represent a non boolean value: {}", Error(() => Scalars.Boolean.Serialize(new Dictionary<string, object?>())));
    }

    [Fact]
    public void ID_parse_value()
    {
        Assert.Equal("", Scalars.ID.ParseValue(""));
        Assert.Equal("1", Scalars.ID.ParseValue("1"));
        Assert.Equal("foo", Scalars.ID.ParseValue("foo"));
        Assert.Equal("1", Scalars.ID.ParseValue(1));
        Assert.Equal("0", Scalars.ID.ParseValue(0));
        Assert.Equal("-1", Scalars.ID.ParseValue(-1));
        Assert.Equal("9007199254740991", Scalars.ID.ParseValue(9007199254740991L));

        Assert.Equal("ID cannot represent value: undefined", Error(() => Scalars.ID.ParseValue(Undefined.Value)));
        Assert.Equal("ID cannot represent value: null", Error(() => Scalars.ID.ParseValue(null)));
        Assert.Equal("ID cannot represent value: 0.1", Error(() => Scalars.ID.ParseValue(0.1)));
        Assert.Equal("ID cannot represent value: NaN", Error(() => Scalars.ID.ParseValue(double.NaN)));
        Assert.Equal("ID cannot represent value: Infinity", Error(() => Scalars.ID.ParseValue(double.PositiveInfinity)));
        Assert.Equal("ID cannot represent value: false", Error(() => Scalars.ID.ParseValue(false)));
        Assert.Equal("ID cannot represent value: [\"1\"]", Error(() => Scalars.ID.ParseValue(new List<object?> { "1" })));
        Assert.Equal("ID cannot represent value: { value: \"1\" }", Error(() => Scalars.ID.ParseValue(Obj("value", "1"))));
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"1\"", "1")]
    [InlineData("\"foo\"", "foo")]
    [InlineData("\"\"\"foo\"\"\"", "foo")]
    [InlineData("1", "1")]
    [InlineData("0", "0")]
    [InlineData("-1", "-1")]
    [InlineData("90071992547409910", "90071992547409910")]
    public void ID_parse_literal(string literal, string expected) =>
        Assert.Equal(expected, Scalars.ID.ParseLiteral(Parser.ParseValue(literal)));

    [Theory]
    [InlineData("null", "ID cannot represent a non-string and non-integer value: null")]
    [InlineData("0.1", "ID cannot represent a non-string and non-integer value: 0.1")]
    [InlineData("false", "ID cannot represent a non-string and non-integer value: false")]
    [InlineData("[\"1\"]", "ID cannot represent a non-string and non-integer value: [\"1\"]")]
    [InlineData("{ value: \"1\" }", "ID cannot represent a non-string and non-integer value: {value: \"1\"}")]
    [InlineData("ENUM_VALUE", "ID cannot represent a non-string and non-integer value: ENUM_VALUE")]
    public void ID_parse_literal_rejects(string literal, string message) =>
        Assert.Equal(message, Error(() => Scalars.ID.ParseLiteral(Parser.ParseValue(literal))));

    [Fact]
    public void ID_serialize()
    {
        Assert.Equal("string", Scalars.ID.Serialize("string"));
        Assert.Equal("false", Scalars.ID.Serialize("false"));
        Assert.Equal("", Scalars.ID.Serialize(""));
        Assert.Equal("123", Scalars.ID.Serialize(123));
        Assert.Equal("0", Scalars.ID.Serialize(0));
        Assert.Equal("-1", Scalars.ID.Serialize(-1));
        Assert.Equal("2", Scalars.ID.Serialize(2.0));

        Assert.Equal("ID cannot represent value: true", Error(() => Scalars.ID.Serialize(true)));
        Assert.Equal("ID cannot represent value: 3.14", Error(() => Scalars.ID.Serialize(3.14)));
        Assert.Equal("ID cannot represent value: {}", Error(() => Scalars.ID.Serialize(new Dictionary<string, object?>())));
        Assert.Equal("ID cannot represent value: [\"abc\"]", Error(() => Scalars.ID.Serialize(new[] { "abc" })));
    }

    [Fact]
    public void Json_elements_are_coerced_like_plain_values()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"i": 5, "f": 1.5, "s": "x", "b": true, "big": 1e3}""");
        var root = document.RootElement;
        Assert.Equal(5, Scalars.Int.ParseValue(root.GetProperty("i")));
        Assert.Equal(1000, Scalars.Int.ParseValue(root.GetProperty("big")));
        Assert.Equal(1.5, Scalars.Float.ParseValue(root.GetProperty("f")));
        Assert.Equal("x", Scalars.String.ParseValue(root.GetProperty("s")));
        Assert.Equal(true, Scalars.Boolean.ParseValue(root.GetProperty("b")));
        Assert.Equal("Int cannot represent non-integer value: 1.5", Error(() => Scalars.Int.ParseValue(root.GetProperty("f"))));
    }
}
