using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Utilities;

// Expected values produced by graphql-js 16.11 / Node for the same inputs.
public class JsCompatibilityTests
{
    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-1.5e-10, "-1.5e-10")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(100.0, "100")]
    [InlineData(-0.0, "0")]
    [InlineData(12345.678, "12345.678")]
    public void Numbers_format_like_js(double value, string expected) => Assert.Equal(expected, JsNumber.Format(value));

    [Theory]
    [InlineData("  12 ", 12.0)]
    [InlineData("", 0.0)]
    [InlineData("0x1F", 31.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("-.5", -0.5)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void Strings_convert_to_numbers_like_js(string text, double expected) => Assert.Equal(expected, JsNumber.ParseString(text));

    [Theory]
    [InlineData("one")]
    [InlineData("1,000")]
    [InlineData("-0x1")]
    [InlineData("1e")]
    public void Non_numeric_strings_are_nan(string text) => Assert.True(double.IsNaN(JsNumber.ParseString(text)));

    [Fact]
    public void Inspect_limits_depth_and_length()
    {
        var nested = new Dictionary<string, object?>
        {
            ["a"] = new List<object?> { 1, 2, new Dictionary<string, object?> { ["b"] = new Dictionary<string, object?> { ["c"] = 1 } } },
            ["e"] = "x\"y",
        };
        Assert.Equal("{ a: [1, 2, [Object]], e: \"x\\\"y\" }", Inspector.Inspect(nested));
        Assert.Equal("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]", Inspector.Inspect(Enumerable.Range(1, 12).ToList()));
        Assert.Equal("[[[Array]]]", Inspector.Inspect(new List<object?> { new List<object?> { new List<object?> { new List<object?> { 1 } } } }));
    }

    [Fact]
    public void Suggestions_and_did_you_mean_match_graphql_js()
    {
        Assert.Equal(["greenishly", "GREEN", "green"], SuggestionList.Suggest("greenish", ["green", "GREEN", "red", "greenishly", "blue"]));
        Assert.Equal(["node1x", "node2", "node10", "nodes"], SuggestionList.Suggest("node1", ["node10", "node2", "node1x", "nodes"]));
        Assert.Equal(" Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?", DidYouMean.Format(["a", "b", "c", "d", "e", "f"]));
        Assert.Equal(" Did you mean the field \"a\" or \"b\"?", DidYouMean.Format("the field", ["a", "b"]));
        Assert.Equal("", DidYouMean.Format([]));
    }
}
