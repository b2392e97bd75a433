using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Utilities;

// Follows graphql-js 16's src/utilities/__tests__/coerceInputValue-test.ts.
public class CoerceInputValueTests
{
    private sealed record Problem(string Message, IReadOnlyList<object> Path, object? Value);

    private static (object? Value, List<Problem> Errors) Coerce(object? input, GraphQLType type)
    {
        var errors = new List<Problem>();
        var value = CoerceInputValue.Coerce(input, type, (path, invalid, error) => errors.Add(new Problem(error.Message, path, invalid)));
        return (value, errors);
    }

    private static readonly GraphQLEnumType Color = new("Color",
        [new EnumValueDefinition("RED", 1), new EnumValueDefinition("GREEN", 2)]);

    private static readonly GraphQLInputObjectType TestInput = new("TestInputObject",
    [
        new InputFieldDefinition("foo", new GraphQLNonNull(Scalars.Int)),
        new InputFieldDefinition("bar", Scalars.Int),
    ]);

    private static readonly GraphQLInputObjectType OneOfInput = new("TestInputObject",
    [
        new InputFieldDefinition("foo", Scalars.Int),
        new InputFieldDefinition("bar", Scalars.Int),
    ])
    {
        IsOneOf = true,
    };

    private static Dictionary<string, object?> Obj(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void Non_null_rejects_null_and_missing()
    {
        var type = new GraphQLNonNull(Scalars.Int);
        Assert.Equal(1, Coerce(1, type).Value);

        var (value, errors) = Coerce(null, type);
        Assert.Same(Undefined.Value, value);
        var problem = Assert.Single(errors);
        Assert.Equal("Expected non-nullable type \"Int!\" not to be null.", problem.Message);
        Assert.Empty(problem.Path);

        Assert.Equal("Expected non-nullable type \"Int!\" not to be null.", Assert.Single(Coerce(Undefined.Value, type).Errors).Message);
    }

    [Fact]
    public void Scalars_report_parse_errors_and_wrap_foreign_exceptions()
    {
        Assert.Equal("Int cannot represent non-integer value: \"x\"", Assert.Single(Coerce("x", Scalars.Int).Errors).Message);

        var throwing = new GraphQLScalarType("Custom") { ValueParser = _ => throw new InvalidOperationException("Nope.") };
        var problem = Assert.Single(Coerce("x", throwing).Errors);
        Assert.Equal("Expected type \"Custom\". Nope.", problem.Message);

        var undefinedResult = new GraphQLScalarType("Undef") { ValueParser = _ => Undefined.Value };
        Assert.Equal("Expected type \"Undef\".", Assert.Single(Coerce("x", undefinedResult).Errors).Message);
    }

    [Fact]
    public void Enums_coerce_names_to_internal_values()
    {
        Assert.Equal(1, Coerce("RED", Color).Value);
        Assert.Equal("Value \"RE\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?",
            Assert.Single(Coerce("RE", Color).Errors).Message);
        Assert.Equal("Enum \"Color\" cannot represent non-string value: 2.",
            Assert.Single(Coerce(2, Color).Errors).Message);
    }

    [Fact]
    public void Input_objects_coerce_fields_and_report_problems()
    {
        Assert.Equal(Obj(("foo", 123)), Coerce(Obj(("foo", 123)), TestInput).Value);

        Assert.Equal("Expected type \"TestInputObject\" to be an object.", Assert.Single(Coerce(123, TestInput).Errors).Message);
        Assert.Equal("Expected type \"TestInputObject\" to be an object.", Assert.Single(Coerce(new List<object?> { 1 }, TestInput).Errors).Message);

        var invalidField = Assert.Single(Coerce(Obj(("foo", "abc")), TestInput).Errors);
        Assert.Equal("Int cannot represent non-integer value: \"abc\"", invalidField.Message);
        Assert.Equal(["foo"], invalidField.Path);
        Assert.Equal("abc", invalidField.Value);

        var twoErrors = Coerce(Obj(("foo", "abc"), ("bar", "def")), TestInput).Errors;
        Assert.Equal(["foo"], twoErrors[0].Path);
        Assert.Equal(["bar"], twoErrors[1].Path);

        var missing = Assert.Single(Coerce(Obj(("bar", 123)), TestInput).Errors);
        Assert.Equal("Field \"foo\" of required type \"Int!\" was not provided.", missing.Message);
        Assert.Empty(missing.Path);

        var unknown = Assert.Single(Coerce(Obj(("foo", 123), ("unknownField", 123)), TestInput).Errors);
        Assert.Equal("Field \"unknownField\" is not defined by type \"TestInputObject\".", unknown.Message);

        var misspelled = Assert.Single(Coerce(Obj(("foo", 123), ("bart", 123)), TestInput).Errors);
        Assert.Equal("Field \"bart\" is not defined by type \"TestInputObject\". Did you mean \"bar\"?", misspelled.Message);
    }

    [Fact]
    public void Input_objects_apply_defaults()
    {
        var type = new GraphQLInputObjectType("TestInputObject",
        [
            new InputFieldDefinition("foo", Scalars.Int) { DefaultValue = 42 },
            new InputFieldDefinition("nullable", Scalars.Int) { DefaultValue = null },
            new InputFieldDefinition("none", Scalars.Int),
        ]);
        var (value, errors) = Coerce(new Dictionary<string, object?>(), type);
        Assert.Empty(errors);
        Assert.Equal(Obj(("foo", 42), ("nullable", null)), value);
    }

    [Fact]
    public void One_of_input_objects_need_exactly_one_non_null_field()
    {
        Assert.Equal(Obj(("foo", 123)), Coerce(Obj(("foo", 123)), OneOfInput).Value);

        var nullField = Assert.Single(Coerce(Obj(("foo", null)), OneOfInput).Errors);
        Assert.Equal("Field \"foo\" must be non-null.", nullField.Message);
        Assert.Equal(["foo"], nullField.Path);

        var two = Assert.Single(Coerce(Obj(("foo", 123), ("bar", null)), OneOfInput).Errors);
        Assert.Equal("Exactly one key must be specified for OneOf type \"TestInputObject\".", two.Message);

        Assert.Equal("Exactly one key must be specified for OneOf type \"TestInputObject\".",
            Assert.Single(Coerce(new Dictionary<string, object?>(), OneOfInput).Errors).Message);
    }

    [Fact]
    public void Lists_coerce_items_and_wrap_single_values()
    {
        var type = new GraphQLList(Scalars.Int);
        Assert.Equal(new List<object?> { 1, 2, 3 }, Coerce(new[] { 1, 2, 3 }, type).Value);
        Assert.Equal(new List<object?> { 42 }, Coerce(42, type).Value);
        Assert.Null(Coerce(null, type).Value);

        var errors = Coerce(new object?[] { 1, "b", true, 4 }, type).Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal("Int cannot represent non-integer value: \"b\"", errors[0].Message);
        Assert.Equal([1], errors[0].Path);
        Assert.Equal([2], errors[1].Path);

        var nested = new GraphQLList(new GraphQLList(Scalars.Int));
        Assert.Equal(new List<object?> { new List<object?> { 1 }, new List<object?> { 2, 3 } },
            Coerce(new object[] { 1, new[] { 2, 3 } }, nested).Value);
    }

    [Fact]
    public void Default_error_handler_throws_with_value_and_path()
    {
        var deep = new GraphQLInputObjectType("Deep", [new InputFieldDefinition("list", new GraphQLList(TestInput))]);
        var error = Assert.Throws<GraphQLError>(() =>
            CoerceInputValue.Coerce(Obj(("list", new object?[] { Obj(("foo", 1)), Obj(("foo", "x")) })), deep));
        Assert.Equal("Invalid value \"x\" at \"value.list[1].foo\": Int cannot represent non-integer value: \"x\"", error.Message);

        var top = Assert.Throws<GraphQLError>(() => CoerceInputValue.Coerce(1.5, Scalars.Int));
        Assert.Equal("Invalid value 1.5: Int cannot represent non-integer value: 1.5", top.Message);
    }

    [Fact]
    public void Accepts_json_elements()
    {
        using var document = JsonDocument.Parse("""{"foo": 7, "bar": null}""");
        var (value, errors) = Coerce(document.RootElement, TestInput);
        Assert.Empty(errors);
        Assert.Equal(Obj(("foo", 7), ("bar", null)), value);

        using var list = JsonDocument.Parse("""["RED", "GREEN"]""");
        Assert.Equal(new List<object?> { 1, 2 }, Coerce(list.RootElement, new GraphQLList(Color)).Value);
    }
}
