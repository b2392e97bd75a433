using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Limits;

public class DepthAndAliasTests
{
    private static QueryAnalysis Analyze(string query, QueryLimitOptions? options = null) =>
        QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(query), null, null, options);

    /// <summary><c>{ item { child { … name } } }</c>, <paramref name="depth"/> fields deep (at least 2).</summary>
    private static string NestedItems(int depth) =>
        "{ item { " + string.Concat(Enumerable.Repeat("child { ", depth - 2)) + "name" + string.Concat(Enumerable.Repeat(" }", depth - 1)) + " }";

    [Theory]
    [InlineData("{ version }", 1)]
    [InlineData("{ item { name } }", 2)]
    [InlineData("{ item { child { name } } version }", 3)]
    public void Depth_counts_nested_fields(string query, int depth)
    {
        Assert.Equal(depth, Analyze(query).Depth);
    }

    [Fact]
    public void Fragments_add_no_level_of_their_own()
    {
        var analysis = Analyze("""
            { item { ...A ... on Item { child { name } } } }
            fragment A on Item { child { ...B } }
            fragment B on Item { child { name } }
            """);

        Assert.Equal(4, analysis.Depth);
    }

    [Fact]
    public void Fifteen_levels_pass_and_sixteen_are_reported_with_the_excess()
    {
        Assert.Equal(15, Analyze(NestedItems(15)).Depth);
        Assert.Empty(Analyze(NestedItems(15)).Errors);

        var error = Assert.Single(Analyze(NestedItems(16)).Errors);
        Assert.Equal("Query depth 16 exceeds the maximum of 15 by 1.", error.Message);
        Assert.Equal(QueryLimitCodes.TooDeep, error.Extensions!["code"]);
        Assert.Equal(15L, error.Extensions["limit"]);
        Assert.Equal(16L, error.Extensions["actual"]);
    }

    [Fact]
    public void The_maximum_depth_is_configurable()
    {
        Assert.Single(Analyze("{ item { child { name } } }", new QueryLimitOptions { MaxDepth = 2 }).Errors);
        Assert.Empty(Analyze(NestedItems(40), new QueryLimitOptions { MaxDepth = 0 }).Errors);
    }

    private static string Aliased(int count) =>
        "{ " + string.Join(" ", Enumerable.Range(1, count).Select(i => $"v{i}: version")) + " }";

    [Fact]
    public void Thirty_aliases_pass_and_thirty_one_are_reported_with_the_excess()
    {
        Assert.Equal(30, Analyze(Aliased(30)).AliasCount);
        Assert.Empty(Analyze(Aliased(30)).Errors);

        var error = Assert.Single(Analyze(Aliased(31)).Errors);
        Assert.Equal("Query uses 31 aliases, which exceeds the maximum of 30 by 1.", error.Message);
        Assert.Equal(QueryLimitCodes.TooManyAliases, error.Extensions!["code"]);
        Assert.Equal(30L, error.Extensions["limit"]);
        Assert.Equal(31L, error.Extensions["actual"]);
    }

    [Fact]
    public void Aliases_in_a_fragment_count_once_per_spread()
    {
        var analysis = Analyze("""
            { a: item { ...Names } b: item { ...Names } item { ...Names } }
            fragment Names on Item { x: name y: name name }
            """);

        Assert.Equal(2 + 3 * 2, analysis.AliasCount);
    }

    [Fact]
    public void Several_broken_limits_are_all_reported()
    {
        var options = new QueryLimitOptions { MaxDepth = 1, MaxAliases = 1, MaxCost = 1 };
        var analysis = Analyze("{ a: items(first: 5) { name } b: items(first: 5) { name } }", options);

        Assert.Equal(
            [QueryLimitCodes.TooDeep, QueryLimitCodes.TooManyAliases, QueryLimitCodes.TooComplex],
            analysis.Errors.Select(e => (string?)e.Extensions!["code"]));
    }
}
