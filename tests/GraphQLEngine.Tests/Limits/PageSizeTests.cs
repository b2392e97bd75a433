using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Limits;

public class PageSizeTests
{
    private static QueryAnalysis Analyze(string query, QueryLimitOptions? options = null) =>
        QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(query), null, null, options);

    [Fact]
    public void A_field_taking_first_or_last_must_be_given_one()
    {
        var analysis = Analyze("{ items { name } }");

        var error = Assert.Single(analysis.Errors);
        Assert.Equal("Field \"Query.items\" must be given a \"first\" or \"last\" argument of at most 100.", error.Message);
        Assert.Equal(QueryLimitCodes.PageSizeRequired, error.Extensions!["code"]);
        Assert.Equal(100, error.Extensions["limit"]);
        Assert.Equal(new ErrorLocationOf(1, 3), new ErrorLocationOf(error.Locations[0].Line, error.Locations[0].Column));
        // Measured as a full page, so a missing page size cannot hide a large cost.
        Assert.Equal(100, analysis.RequestedQueryCost);
    }

    [Fact]
    public void The_message_names_only_the_page_size_arguments_the_field_has()
    {
        var error = Assert.Single(Analyze("{ things { items { name } } }").Errors);

        Assert.Equal("Field \"Thing.items\" must be given a \"first\" argument of at most 100.", error.Message);
    }

    [Fact]
    public void A_connection_must_be_given_one_too()
    {
        var error = Assert.Single(Analyze("{ repositories { totalCount } }").Errors);

        Assert.Equal(QueryLimitCodes.PageSizeRequired, error.Extensions!["code"]);
        Assert.Contains("\"Query.repositories\"", error.Message);
    }

    [Fact]
    public void An_explicit_null_is_no_page_size()
    {
        Assert.Single(Analyze("{ items(first: null) { name } }").Errors);
        var nullVariable = QueryAnalyzer.Analyze(
            LimitsTestSchema.Schema, Parser.Parse("query($n: Int) { item { children(first: $n) { name } } }"), null,
            new Dictionary<string, object?> { ["n"] = null });
        Assert.Single(nullVariable.Errors);
    }

    [Fact]
    public void A_null_given_to_a_non_null_page_size_is_measured_at_its_default_for_execution_to_refuse()
    {
        // CoerceArgumentValues makes it the field's error ("must not be null"), as graphql-js answers it; the measure
        // neither calls it a missing page size nor lets it cost nothing.
        var analysis = QueryAnalyzer.Analyze(
            LimitsTestSchema.Schema, Parser.Parse("query($n: Int = 2) { item { pages(first: $n) { name } } }"), null,
            new Dictionary<string, object?> { ["n"] = null });

        Assert.Empty(analysis.Errors);
        Assert.Equal(3, analysis.RequestedQueryCost);
    }

    [Fact]
    public void A_variable_given_no_value_leaves_the_argument_its_default()
    {
        // As CoerceArgumentValues does: no value and no default for $n, so children's own default (5) applies.
        var analysis = Analyze("query($n: Int) { item { children(first: $n) { name } } }");

        Assert.Empty(analysis.Errors);
        Assert.Equal(5, analysis.RequestedQueryCost);
        // Without a default on the argument, the page size is still missing.
        Assert.Equal(QueryLimitCodes.PageSizeRequired, Assert.Single(Analyze("query($n: Int) { items(first: $n) { name } }").Errors).Extensions!["code"]);
    }

    [Fact]
    public void A_page_size_above_the_maximum_is_reported_with_the_excess()
    {
        var analysis = Analyze("{ items(first: 250) { name } }");

        var error = Assert.Single(analysis.Errors);
        Assert.Equal("Field \"Query.items\" requests 250 items, which exceeds the maximum page size of 100 by 150.", error.Message);
        Assert.Equal(QueryLimitCodes.PageSizeTooLarge, error.Extensions!["code"]);
        Assert.Equal(100, error.Extensions["limit"]);
        Assert.Equal(250L, error.Extensions["actual"]);
        Assert.Equal(250, analysis.RequestedQueryCost);
    }

    [Fact]
    public void The_maximum_page_size_is_configurable()
    {
        Assert.Empty(Analyze("{ items(first: 250) { name } }", new QueryLimitOptions { MaxPageSize = 500 }).Errors);
        Assert.Single(Analyze("{ items(first: 20) { name } }", new QueryLimitOptions { MaxPageSize = 10 }).Errors);
    }

    [Fact]
    public void A_field_inside_a_fragment_spread_twice_is_reported_once()
    {
        var analysis = Analyze("""
            { item { ...Kids } other: item { ...Kids } }
            fragment Kids on Item { child { children(first: 1000) { name } } }
            """);

        Assert.Single(analysis.Errors, e => (string?)e.Extensions?["code"] == QueryLimitCodes.PageSizeTooLarge);
    }

    private readonly record struct ErrorLocationOf(int Line, int Column);
}
