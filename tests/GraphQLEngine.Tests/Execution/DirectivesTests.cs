using System.Text.Json;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>graphql-js directives-test: <c>@skip</c> and <c>@include</c> on fields, fragment spreads and inline fragments; expected outputs produced by graphql-js 16.11.</summary>
public class DirectivesTests
{
    [Theory]
    [InlineData("{ a, b @include(if: true) }", null, """{"data":{"a":"a","b":"b"}}""")]
    [InlineData("{ a, b @include(if: false) }", null, """{"data":{"a":"a"}}""")]
    [InlineData("{ a, b @skip(if: true) }", null, """{"data":{"a":"a"}}""")]
    [InlineData("{ a, b @skip(if: false) }", null, """{"data":{"a":"a","b":"b"}}""")]
    [InlineData("{ a ...Frag @include(if: false) } fragment Frag on TestType { b }", null, """{"data":{"a":"a"}}""")]
    [InlineData("{ a ...Frag @skip(if: false) } fragment Frag on TestType { b }", null, """{"data":{"a":"a","b":"b"}}""")]
    [InlineData("{ a ... on TestType @skip(if: true) { b } }", null, """{"data":{"a":"a"}}""")]
    [InlineData("{ a ... @include(if: true) { b } }", null, """{"data":{"a":"a","b":"b"}}""")]
    [InlineData("{ a, b @include(if: true) @skip(if: true) }", null, """{"data":{"a":"a"}}""")]
    [InlineData("{ a, b @include(if: false) @skip(if: false) }", null, """{"data":{"a":"a"}}""")]
    [InlineData("{ a, b @include(if: true) @skip(if: false) }", null, """{"data":{"a":"a","b":"b"}}""")]
    [InlineData("{ a @skip(if: true) a }", null, """{"data":{"a":"a"}}""")]
    [InlineData("query ($skip: Boolean!) { a b @skip(if: $skip) }", """{"skip":true}""", """{"data":{"a":"a"}}""")]
    [InlineData("query ($s: Boolean) { a @skip(if: $s) }", """{}""", """{"errors":[{"message":"Argument \"if\" of required type \"Boolean!\" was provided the variable \"$s\" which was not provided a runtime value.","locations":[{"line":1,"column":35}]}],"data":null}""")]
    [InlineData("query ($s: Boolean) { n { a @skip(if: $s) } b }", """{}""", """{"errors":[{"message":"Argument \"if\" of required type \"Boolean!\" was provided the variable \"$s\" which was not provided a runtime value.","locations":[{"line":1,"column":39}],"path":["n"]}],"data":{"n":null,"b":"b"}}""")]
    [InlineData("{ a ...F ...F } fragment F on TestType { b @skip(if: true) }", null, """{"data":{"a":"a"}}""")]
    [InlineData("{ ...F @skip(if: true) ...F } fragment F on TestType { b }", null, """{"data":{"b":"b"}}""")]
    public async Task Includes_and_skips_as_graphql_js_does(string query, string? variablesJson, string expected)
    {
        GraphQLObjectType type = null!;
        type = new GraphQLObjectType("TestType", () =>
        [
            new FieldDefinition("a", Scalars.String) { Resolver = Value("a") },
            new FieldDefinition("b", Scalars.String) { Resolver = Value("b") },
            new FieldDefinition("n", type) { Resolver = Sync(c => c.Source) },
        ]);
        using var variables = variablesJson is null ? null : JsonDocument.Parse(variablesJson);
        Assert.Equal(expected, await ExecuteJson(new GraphQLSchema(type), query, variables?.RootElement, rootValue: new object()));
    }
}
