using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Utilities;

// Follows graphql-js 16's src/utilities/__tests__/valueFromAST-test.ts and valueFromASTUntyped-test.ts.
public class ValueFromAstTests
{
    private static readonly GraphQLEnumType Color = new("Color",
    [
        new EnumValueDefinition("RED", 1),
        new EnumValueDefinition("GREEN", 2),
        new EnumValueDefinition("BLUE", 3),
        new EnumValueDefinition("NULL", null),
        new EnumValueDefinition("NAN", double.NaN),
    ]);

    private static readonly GraphQLInputObjectType TestInput = new("TestInput",
    [
        new InputFieldDefinition("int", Scalars.Int) { DefaultValue = 42 },
        new InputFieldDefinition("bool", Scalars.Boolean),
        new InputFieldDefinition("requiredBool", new GraphQLNonNull(Scalars.Boolean)),
    ]);

    private static object? Convert(string literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables = null) =>
        ValueFromAst.Convert(Parser.ParseValue(literal), type, variables);

    [Fact]
    public void Rejects_empty_input() => Assert.Same(Undefined.Value, ValueFromAst.Convert(null, Scalars.Boolean));

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("123", 123)]
    [InlineData("\"abc123\"", "abc123")]
    public void Converts_according_to_scalar_type(string literal, object expected)
    {
        var type = expected switch { bool => Scalars.Boolean, int => Scalars.Int, _ => (GraphQLType)Scalars.String };
        Assert.Equal(expected, Convert(literal, type));
    }

    [Fact]
    public void Converts_scalars_and_rejects_invalid_literals()
    {
        Assert.Equal(123.0, Convert("123", Scalars.Float));
        Assert.Equal(456.0, Convert("45.6e1", Scalars.Float));
        Assert.Equal("123456", Convert("123456", Scalars.ID));
        Assert.Same(Undefined.Value, Convert("123", Scalars.Boolean));
        Assert.Same(Undefined.Value, Convert("123.456", Scalars.Int));
        Assert.Same(Undefined.Value, Convert("\"abc123\"", Scalars.Int));
        Assert.Same(Undefined.Value, Convert("123", Scalars.String));
        Assert.Same(Undefined.Value, Convert("123.456", Scalars.ID));
    }

    [Fact]
    public void Converts_enum_values_to_internal_values()
    {
        Assert.Equal(1, Convert("RED", Color));
        Assert.Equal(3, Convert("BLUE", Color));
        Assert.Same(Undefined.Value, Convert("3", Color));
        Assert.Same(Undefined.Value, Convert("\"BLUE\"", Color));
        Assert.Null(Convert("null", Color));
        Assert.Null(Convert("NULL", Color));
        Assert.Equal(double.NaN, Convert("NAN", Color));
        Assert.Same(Undefined.Value, Convert("UNKNOWN", Color));
    }

    [Fact]
    public void Respects_nullability()
    {
        var nonNullBool = new GraphQLNonNull(Scalars.Boolean);
        Assert.Null(Convert("null", Scalars.Boolean));
        Assert.Same(Undefined.Value, Convert("null", nonNullBool));
        Assert.Equal(true, Convert("true", nonNullBool));
    }

    [Fact]
    public void Coerces_lists_of_values()
    {
        var listOfBool = new GraphQLList(Scalars.Boolean);
        var nonNullListOfNonNullBool = new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Scalars.Boolean)));
        Assert.Equal(new List<object?> { true }, Convert("true", listOfBool));
        Assert.Same(Undefined.Value, Convert("123", listOfBool));
        Assert.Null(Convert("null", listOfBool));
        Assert.Equal(new List<object?> { true, false }, Convert("[true, false]", listOfBool));
        Assert.Same(Undefined.Value, Convert("[true, 123]", listOfBool));
        Assert.Equal(new List<object?> { true, null }, Convert("[true, null]", listOfBool));
        Assert.Same(Undefined.Value, Convert("[true, null]", nonNullListOfNonNullBool));
        Assert.Same(Undefined.Value, Convert("null", nonNullListOfNonNullBool));
    }

    [Fact]
    public void Coerces_input_objects_with_defaults()
    {
        Assert.Same(Undefined.Value, Convert("123", TestInput));
        Assert.Same(Undefined.Value, Convert("[]", TestInput));
        Assert.Equal(new Dictionary<string, object?> { ["int"] = 123, ["requiredBool"] = false },
            Convert("{ int: 123, requiredBool: false }", TestInput));
        Assert.Equal(new Dictionary<string, object?> { ["int"] = 42, ["bool"] = true, ["requiredBool"] = false },
            Convert("{ bool: true, requiredBool: false }", TestInput));
        Assert.Same(Undefined.Value, Convert("{ int: true, requiredBool: true }", TestInput));
        Assert.Same(Undefined.Value, Convert("{ requiredBool: null }", TestInput));
        Assert.Same(Undefined.Value, Convert("{ bool: true }", TestInput));
    }

    [Fact]
    public void Coerces_one_of_input_objects()
    {
        var oneOf = new GraphQLInputObjectType("OneOf", [new InputFieldDefinition("a", Scalars.Int), new InputFieldDefinition("b", Scalars.Int)])
        {
            IsOneOf = true,
        };
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1 }, Convert("{a: 1}", oneOf));
        Assert.Same(Undefined.Value, Convert("{a: 1, b: 2}", oneOf));
        Assert.Same(Undefined.Value, Convert("{a: null}", oneOf));
        Assert.Same(Undefined.Value, Convert("{}", oneOf));
    }

    [Fact]
    public void Substitutes_variables()
    {
        var variables = new Dictionary<string, object?> { ["var"] = true, ["nullVar"] = null, ["undef"] = Undefined.Value };
        Assert.Equal(true, Convert("$var", Scalars.Boolean, variables));
        Assert.Null(Convert("$nullVar", Scalars.Boolean, variables));
        Assert.Same(Undefined.Value, Convert("$missing", Scalars.Boolean, variables));
        Assert.Same(Undefined.Value, Convert("$undef", Scalars.Boolean, variables));
        Assert.Same(Undefined.Value, Convert("$nullVar", new GraphQLNonNull(Scalars.Boolean), variables));
    }

    [Fact]
    public void Missing_variables_in_lists_become_null_and_in_objects_use_defaults()
    {
        var variables = new Dictionary<string, object?>();
        Assert.Equal(new List<object?> { true, null }, Convert("[true, $missing]", new GraphQLList(Scalars.Boolean), variables));
        Assert.Same(Undefined.Value, Convert("[true, $missing]", new GraphQLList(new GraphQLNonNull(Scalars.Boolean)), variables));
        Assert.Equal(new Dictionary<string, object?> { ["int"] = 42, ["requiredBool"] = true },
            Convert("{ int: $missing, requiredBool: true }", TestInput, variables));
        Assert.Same(Undefined.Value, Convert("{ requiredBool: $missing }", TestInput, variables));
    }

    [Fact]
    public void Custom_scalars_without_literal_parser_see_untyped_values()
    {
        var passthrough = new GraphQLScalarType("Passthrough");
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1, ["b"] = new List<object?> { "x", 2.5 } },
            Convert("{a: 1, b: [\"x\", 2.5]}", passthrough));
        Assert.Equal(new Dictionary<string, object?> { ["v"] = "from variable" },
            Convert("{v: $x}", passthrough, new Dictionary<string, object?> { ["x"] = "from variable" }));
    }

    [Fact]
    public void Untyped_conversion_follows_graphql_js()
    {
        Assert.Equal(true, ValueFromAstUntyped.Convert(Parser.ParseValue("true")));
        Assert.Equal(123, ValueFromAstUntyped.Convert(Parser.ParseValue("123")));
        Assert.Equal(9876504321L, ValueFromAstUntyped.Convert(Parser.ParseValue("9876504321")));
        Assert.Equal(1.5, ValueFromAstUntyped.Convert(Parser.ParseValue("1.5")));
        Assert.Equal("abc", ValueFromAstUntyped.Convert(Parser.ParseValue("\"abc\"")));
        Assert.Equal("ENUM", ValueFromAstUntyped.Convert(Parser.ParseValue("ENUM")));
        Assert.Null(ValueFromAstUntyped.Convert(Parser.ParseValue("null")));
        Assert.Same(Undefined.Value, ValueFromAstUntyped.Convert(Parser.ParseValue("$missing")));
        Assert.Equal(new List<object?> { 1, null, "x" }, ValueFromAstUntyped.Convert(Parser.ParseValue("[1, null, \"x\"]")));
    }
}
