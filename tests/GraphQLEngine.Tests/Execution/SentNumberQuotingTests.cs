using System.Text.Json;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>
/// A JSON number no double holds becomes Infinity, as graphql-js's <c>JSON.parse</c> makes it; a variable error quotes
/// the number as the client sent it, and says what it became.
/// </summary>
public class SentNumberQuotingTests
{
    private static readonly GraphQLSchema Schema = new(new ObjectTypeBuilder<object>("Query")
        .Field("page", Scalars.Int, f => f.Argument("first", Scalars.Int))
        .Field("pages", Scalars.Int, f => f.Argument("sizes", new GraphQLList(Scalars.Int)))
        .Build());

    private static async Task<string> FirstMessage(string query, string variablesJson)
    {
        using var variables = JsonDocument.Parse(variablesJson);
        var result = await Execute(Schema, query, variables.RootElement);
        return Assert.Single(result.Errors!).Message;
    }

    [Fact]
    public async Task A_number_too_large_for_a_double_is_quoted_as_sent_and_cut()
    {
        var digits = new string('9', 400);

        var message = await FirstMessage("query ($f: Int) { page(first: $f) }", $$"""{"f":{{digits}}}""");

        Assert.Equal($"Variable \"$f\" got invalid value {digits[..VariableValues.MaxQuotedValueLength]}… (400 characters), " +
                     "which is Infinity as a double; Int cannot represent non-integer value: Infinity", message);
    }

    [Fact]
    public async Task A_number_inside_a_list_is_found_by_its_path()
    {
        var message = await FirstMessage("query ($s: [Int]) { pages(sizes: $s) }", """{"s":[1,-1e400]}""");

        Assert.Equal("Variable \"$s\" got invalid value -1e400, which is -Infinity as a double at \"s[1]\"; " +
                     "Int cannot represent non-integer value: -Infinity", message);
    }

    [Theory]
    [InlineData("1e20", "Variable \"$f\" got invalid value 100000000000000000000; Int cannot represent non 32-bit signed integer value: 100000000000000000000")]
    [InlineData("99999999999", "Variable \"$f\" got invalid value 99999999999; Int cannot represent non 32-bit signed integer value: 99999999999")]
    [InlineData("1.5", "Variable \"$f\" got invalid value 1.5; Int cannot represent non-integer value: 1.5")]
    public async Task A_number_a_double_holds_is_quoted_as_graphql_js_quotes_it(string number, string expected)
    {
        Assert.Equal(expected, await FirstMessage("query ($f: Int) { page(first: $f) }", $$"""{"f":{{number}}}"""));
    }

    [Fact]
    public async Task Infinity_given_as_a_plain_value_keeps_graphql_js_words()
    {
        var result = await Execute(Schema, "query ($f: Int) { page(first: $f) }",
            new Dictionary<string, object?> { ["f"] = double.PositiveInfinity });

        Assert.Equal("Variable \"$f\" got invalid value Infinity; Int cannot represent non-integer value: Infinity",
            Assert.Single(result.Errors!).Message);
    }
}
