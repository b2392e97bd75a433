using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Utilities;

// Follows graphql-js 16's src/utilities/__tests__/astFromValue-test.ts, comparing printed literals.
public class AstFromValueTests
{
    private static string? Print(object? value, GraphQLType type) =>
        AstFromValue.Convert(value, type) is { } node ? Printer.Print(node) : null;

    private static readonly GraphQLEnumType MyEnum = new("MyEnum",
    [
        new EnumValueDefinition("HELLO"),
        new EnumValueDefinition("GOODBYE"),
        new EnumValueDefinition("COMPLEX", new Dictionary<string, object?> { ["someArbitrary"] = "complexValue" }),
    ]);

    [Fact]
    public void Converts_booleans()
    {
        Assert.Equal("true", Print(true, Scalars.Boolean));
        Assert.Equal("false", Print(false, Scalars.Boolean));
        Assert.Null(Print(Undefined.Value, Scalars.Boolean));
        Assert.Equal("null", Print(null, Scalars.Boolean));
        Assert.Equal("false", Print(0, Scalars.Boolean));
        Assert.Equal("true", Print(1, Scalars.Boolean));
        Assert.Equal("false", Print(0, new GraphQLNonNull(Scalars.Boolean)));
        Assert.Null(Print(null, new GraphQLNonNull(Scalars.Boolean)));
    }

    [Fact]
    public void Converts_numbers()
    {
        Assert.Equal("-1", Print(-1, Scalars.Int));
        Assert.Equal("123", Print(123.0, Scalars.Int));
        Assert.Equal("10000", Print(1e4, Scalars.Int));
        Assert.Equal("-1", Print(-1, Scalars.Float));
        Assert.Equal("123", Print(123.0, Scalars.Float));
        Assert.Equal("123.5", Print(123.5, Scalars.Float));
        Assert.Equal("10000", Print(1e4, Scalars.Float));
        Assert.Equal("1e+40", Print(1e40, Scalars.Float));
        Assert.Equal("0.1", Print(0.1m, Scalars.Float));
        Assert.Throws<GraphQLEngine.Error.GraphQLError>(() => Print(123.5, Scalars.Int));
        Assert.Throws<GraphQLEngine.Error.GraphQLError>(() => Print(1e40, Scalars.Int));
    }

    [Fact]
    public void Converts_strings_and_ids()
    {
        Assert.Equal("\"hello\"", Print("hello", Scalars.String));
        Assert.Equal("\"VALUE\"", Print("VALUE", Scalars.String));
        Assert.Equal("\"VA\\nLUE\"", Print("VA\nLUE", Scalars.String));
        Assert.Equal("\"123\"", Print(123, Scalars.String));
        Assert.Equal("\"false\"", Print(false, Scalars.String));
        Assert.Equal("null", Print(null, Scalars.String));
        Assert.Null(Print(Undefined.Value, Scalars.String));

        Assert.Equal("\"hello\"", Print("hello", Scalars.ID));
        Assert.Equal("\"VALUE\"", Print("VALUE", Scalars.ID));
        Assert.Equal("\"VA\\nLUE\"", Print("VA\nLUE", Scalars.ID));
        Assert.Equal("-1", Print(-1, Scalars.ID));
        Assert.Equal("123", Print(123, Scalars.ID));
        Assert.Equal("123", Print("123", Scalars.ID));
        Assert.Equal("\"01\"", Print("01", Scalars.ID));
        Assert.Throws<GraphQLEngine.Error.GraphQLError>(() => Print(false, Scalars.ID));
        Assert.Equal("null", Print(null, Scalars.ID));
    }

    [Fact]
    public void Converts_enums_by_internal_value()
    {
        Assert.Equal("HELLO", Print("HELLO", MyEnum));
        Assert.Equal("COMPLEX", Print(MyEnum.GetValue("COMPLEX")!.Value, MyEnum));
        Assert.Throws<GraphQLEngine.Error.GraphQLError>(() => Print("hello", MyEnum));
        Assert.Throws<GraphQLEngine.Error.GraphQLError>(() => Print("UNKNOWN_VALUE", MyEnum));
    }

    [Fact]
    public void Converts_lists()
    {
        Assert.Equal("[\"FOO\", \"BAR\"]", Print(new[] { "FOO", "BAR" }, new GraphQLList(Scalars.String)));
        Assert.Equal("[HELLO, GOODBYE]", Print(new[] { "HELLO", "GOODBYE" }, new GraphQLList(MyEnum)));
        Assert.Equal("GOODBYE", Print("GOODBYE", new GraphQLList(MyEnum)));
        Assert.Equal("[\"FOO\", \"BAR\"]", Print(new object?[] { "FOO", null, "BAR" }, new GraphQLList(new GraphQLNonNull(Scalars.String))));
        Assert.Equal("null", Print(null, new GraphQLList(Scalars.String)));
    }

    [Fact]
    public void Converts_input_objects()
    {
        var input = new GraphQLInputObjectType("MyInputObj",
            [new InputFieldDefinition("foo", Scalars.Float), new InputFieldDefinition("bar", MyEnum)]);
        Assert.Equal("{foo: 3, bar: HELLO}", Print(new Dictionary<string, object?> { ["foo"] = 3, ["bar"] = "HELLO" }, input));
        Assert.Equal("{foo: null}", Print(new Dictionary<string, object?> { ["foo"] = null }, input));
        Assert.Equal("{foo: 1.5}", Print(new { Foo = 1.5 }, input));
        Assert.Null(Print(5, input));
    }
}
