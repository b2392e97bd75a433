using System.Text.Json;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>
/// graphql-js variables-test: variable coercion and its errors (no data at all), defaults, null handling
/// and argument coercion. Resolvers echo graphql-js's <c>inspect(args.input)</c>; expected outputs were
/// produced by graphql-js 16.11 on the same schema.
/// </summary>
public class VariablesTests
{
    private static readonly GraphQLSchema Schema = CreateSchema();

    [Theory]
    [InlineData("{ fieldWithObjectInput(input: {a: \"foo\", b: [\"bar\"], c: \"baz\"}) }", null, """{"data":{"fieldWithObjectInput":"{ a: \"foo\", b: [\"bar\"], c: \"baz\" }"}}""")]
    [InlineData("{ fieldWithObjectInput(input: {a: \"foo\", b: \"bar\", c: \"baz\"}) }", null, """{"data":{"fieldWithObjectInput":"{ a: \"foo\", b: [\"bar\"], c: \"baz\" }"}}""")]
    [InlineData("{ fieldWithObjectInput(input: [\"foo\", \"bar\", \"baz\"]) }", null, """{"errors":[{"message":"Argument \"input\" has invalid value [\"foo\", \"bar\", \"baz\"].","locations":[{"line":1,"column":31}],"path":["fieldWithObjectInput"]}],"data":{"fieldWithObjectInput":null}}""")]
    [InlineData("query ($input: TestInputObject) { fieldWithObjectInput(input: $input) }", """{"input":{"a":"foo","b":["bar"],"c":"baz"}}""", """{"data":{"fieldWithObjectInput":"{ a: \"foo\", b: [\"bar\"], c: \"baz\" }"}}""")]
    [InlineData("query ($input: TestInputObject = {a: \"foo\", b: [\"bar\"], c: \"baz\"}) { fieldWithObjectInput(input: $input) }", null, """{"data":{"fieldWithObjectInput":"{ a: \"foo\", b: [\"bar\"], c: \"baz\" }"}}""")]
    [InlineData("query ($input: TestInputObject) { fieldWithObjectInput(input: $input) }", """{"input":{"a":"foo","b":"bar","c":"baz"}}""", """{"data":{"fieldWithObjectInput":"{ a: \"foo\", b: [\"bar\"], c: \"baz\" }"}}""")]
    [InlineData("query ($input: TestInputObject) { fieldWithObjectInput(input: $input) }", """{"input":{"a":"foo","b":"bar","c":null}}""", """{"errors":[{"message":"Variable \"$input\" got invalid value null at \"input.c\"; Expected non-nullable type \"String!\" not to be null.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($input: TestInputObject) { fieldWithObjectInput(input: $input) }", """{"input":"foo bar"}""", """{"errors":[{"message":"Variable \"$input\" got invalid value \"foo bar\"; Expected type \"TestInputObject\" to be an object.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($input: TestInputObject) { fieldWithObjectInput(input: $input) }", """{"input":{"a":"foo","b":"bar"}}""", """{"errors":[{"message":"Variable \"$input\" got invalid value { a: \"foo\", b: \"bar\" }; Field \"c\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($input: TestNestedInputObject) { fieldWithNestedInputObject(input: $input) }", """{"input":{"na":{"a":"foo"}}}""", """{"errors":[{"message":"Variable \"$input\" got invalid value { a: \"foo\" } at \"input.na\"; Field \"c\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":8}]},{"message":"Variable \"$input\" got invalid value { na: { a: \"foo\" } }; Field \"nb\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($input: TestInputObject) { fieldWithObjectInput(input: $input) }", """{"input":{"a":"foo","b":"bar","c":"baz","extra":"dog"}}""", """{"errors":[{"message":"Variable \"$input\" got invalid value { a: \"foo\", b: \"bar\", c: \"baz\", extra: \"dog\" }; Field \"extra\" is not defined by type \"TestInputObject\".","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("{ fieldWithNestedInputObject }", null, """{"data":{"fieldWithNestedInputObject":"{ na: { c: \"c\" }, nb: \"nb\" }"}}""")]
    [InlineData("{ fieldWithNullableStringInput }", null, """{"data":{"fieldWithNullableStringInput":null}}""")]
    [InlineData("query ($value: String) { fieldWithNullableStringInput(input: $value) }", null, """{"data":{"fieldWithNullableStringInput":null}}""")]
    [InlineData("query ($value: String) { fieldWithNullableStringInput(input: $value) }", """{"value":null}""", """{"data":{"fieldWithNullableStringInput":"null"}}""")]
    [InlineData("query ($value: String) { fieldWithNullableStringInput(input: $value) }", """{"value":"a"}""", """{"data":{"fieldWithNullableStringInput":"\"a\""}}""")]
    [InlineData("query ($value: String = \"default\") { fieldWithNullableStringInput(input: $value) }", """{"value":null}""", """{"data":{"fieldWithNullableStringInput":"null"}}""")]
    [InlineData("query ($value: String!) { fieldWithNonNullableStringInput(input: $value) }", null, """{"errors":[{"message":"Variable \"$value\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($value: String!) { fieldWithNonNullableStringInput(input: $value) }", """{"value":null}""", """{"errors":[{"message":"Variable \"$value\" of non-null type \"String!\" must not be null.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($value: String!) { fieldWithNonNullableStringInput(input: $value) }", """{"value":[1,2,3]}""", """{"errors":[{"message":"Variable \"$value\" got invalid value [1, 2, 3]; String cannot represent a non string value: [1, 2, 3]","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($input: [String]) { list(input: $input) }", """{"input":["A",null,"B"]}""", """{"data":{"list":"[\"A\", null, \"B\"]"}}""")]
    [InlineData("query ($input: [String]!) { nnList(input: $input) }", """{"input":null}""", """{"errors":[{"message":"Variable \"$input\" of non-null type \"[String]!\" must not be null.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($input: [String!]) { listNN(input: $input) }", """{"input":["A",null,"B"]}""", """{"errors":[{"message":"Variable \"$input\" got invalid value null at \"input[1]\"; Expected non-nullable type \"String!\" not to be null.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($input: [String!]!) { nnListNN(input: $input) }", """{"input":"A"}""", """{"data":{"nnListNN":"[\"A\"]"}}""")]
    [InlineData("query ($input: Int) { int(input: $input) }", """{"input":1.5}""", """{"errors":[{"message":"Variable \"$input\" got invalid value 1.5; Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($input: Int) { int(input: $input) }", """{"input":4294967296}""", """{"errors":[{"message":"Variable \"$input\" got invalid value 4294967296; Int cannot represent non 32-bit signed integer value: 4294967296","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($a: Int, $b: Int, $c: Int, $d: Int) { a: int(input: $a) }", """{"a":"x","b":"y","c":"z","d":1}""", """{"errors":[{"message":"Variable \"$a\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":8}]},{"message":"Variable \"$b\" got invalid value \"y\"; Int cannot represent non-integer value: \"y\"","locations":[{"line":1,"column":17}]},{"message":"Too many errors processing variables, error limit reached. Execution aborted."}]}""")]
    [InlineData("{ fieldWithDefaultArgumentValue }", null, """{"data":{"fieldWithDefaultArgumentValue":"\"Hello World\""}}""")]
    [InlineData("query ($optional: String) { fieldWithDefaultArgumentValue(input: $optional) }", null, """{"data":{"fieldWithDefaultArgumentValue":"\"Hello World\""}}""")]
    [InlineData("query ($optional: String) { fieldWithDefaultArgumentValue(input: $optional) }", """{"optional":null}""", """{"data":{"fieldWithDefaultArgumentValue":"null"}}""")]
    [InlineData("{ fieldWithDefaultArgumentValue(input: WRONG_TYPE) }", null, """{"errors":[{"message":"Argument \"input\" has invalid value WRONG_TYPE.","locations":[{"line":1,"column":40}],"path":["fieldWithDefaultArgumentValue"]}],"data":{"fieldWithDefaultArgumentValue":null}}""")]
    [InlineData("query ($value: TestEnum) { fieldWithEnumInput(input: $value) }", """{"value":"UNKNOWN"}""", """{"errors":[{"message":"Variable \"$value\" got invalid value \"UNKNOWN\"; Value \"UNKNOWN\" does not exist in \"TestEnum\" enum.","locations":[{"line":1,"column":8}]}]}""")]
    [InlineData("query ($value: TestEnum!) { fieldWithNonNullableEnumInput(input: $value) }", """{"value":"CUSTOM"}""", """{"data":{"fieldWithNonNullableEnumInput":"\"CUSTOM\""}}""")]
    [InlineData("{ fieldWithEnumInput(input: NULL) }", null, """{"data":{"fieldWithEnumInput":"\"NULL\""}}""")]
    [InlineData("query ($input: TestInputObject) { fieldWithObjectInput(input: {a: $input}) }", """{"input":null}""", """{"errors":[{"message":"Argument \"input\" has invalid value {a: $input}.","locations":[{"line":1,"column":63}],"path":["fieldWithObjectInput"]}],"data":{"fieldWithObjectInput":null}}""")]
    public async Task Coerces_variables_and_arguments_as_graphql_js_does(string query, string? variablesJson, string expected)
    {
        var options = new GraphQLEngine.Execution.ExecutionOptions { MaxCoercionErrors = query.Contains("$d") ? 2 : 50 };
        // Variables as they arrive over HTTP…
        using var document = variablesJson is null ? null : JsonDocument.Parse(variablesJson);
        Assert.Equal(expected, await ExecuteJson(Schema, query, document?.RootElement, options: options));
        // …and as plain values.
        var plain = document is null ? null : JsonValues.ToPlain(document.RootElement);
        Assert.Equal(expected, await ExecuteJson(Schema, query, plain, options: options));
    }

    [Fact]
    public async Task Rejects_variables_that_are_not_an_object()
    {
        using var document = JsonDocument.Parse("[1]");
        await Assert.ThrowsAsync<ArgumentException>(() => Execute(Schema, "{ int }", document.RootElement));
    }

    private static GraphQLSchema CreateSchema()
    {
        var testInput = new GraphQLInputObjectType("TestInputObject",
        [
            new InputFieldDefinition("a", Scalars.String),
            new InputFieldDefinition("b", new GraphQLList(Scalars.String)),
            new InputFieldDefinition("c", new GraphQLNonNull(Scalars.String)),
        ]);
        var nestedInput = new GraphQLInputObjectType("TestNestedInputObject",
        [
            new InputFieldDefinition("na", new GraphQLNonNull(testInput)),
            new InputFieldDefinition("nb", new GraphQLNonNull(Scalars.String)),
        ]);
        var testEnum = new GraphQLEnumType("TestEnum",
            new[] { "NULL", "UNDEFINED", "NAN", "FALSE", "CUSTOM" }.Select(name => new EnumValueDefinition(name)));

        FieldDefinition Field(string name, GraphQLType inputType, object? defaultValue = null) => new(name, Scalars.String)
        {
            Args = [new ArgumentDefinition("input", inputType) { DefaultValue = defaultValue ?? Undefined.Value }],
            Resolver = Sync(c => c.Arguments.TryGetValue("input", out var input) ? Inspector.Inspect(input) : null),
        };

        return new GraphQLSchema(new GraphQLObjectType("TestType",
        [
            Field("fieldWithEnumInput", testEnum),
            Field("fieldWithNonNullableEnumInput", new GraphQLNonNull(testEnum)),
            Field("fieldWithObjectInput", testInput),
            Field("fieldWithNullableStringInput", Scalars.String),
            Field("fieldWithNonNullableStringInput", new GraphQLNonNull(Scalars.String)),
            Field("fieldWithDefaultArgumentValue", Scalars.String, "Hello World"),
            Field("fieldWithNestedInputObject", nestedInput,
                new Dictionary<string, object?> { ["na"] = new Dictionary<string, object?> { ["c"] = "c" }, ["nb"] = "nb" }),
            Field("list", new GraphQLList(Scalars.String)),
            Field("nnList", new GraphQLNonNull(new GraphQLList(Scalars.String))),
            Field("listNN", new GraphQLList(new GraphQLNonNull(Scalars.String))),
            Field("nnListNN", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Scalars.String)))),
            Field("int", Scalars.Int),
        ]));
    }
}
