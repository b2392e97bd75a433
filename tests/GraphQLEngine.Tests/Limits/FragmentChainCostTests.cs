using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Limits;

/// <summary>
/// Fragments that each select a costed field and spread the next two: the cost grows like the Fibonacci numbers, past
/// what a long holds at about 90 links, so counting must stop at the maximum rather than report a saturated number.
/// </summary>
public class FragmentChainCostTests
{
    private static readonly QueryLimitOptions Options = new() { MaxCost = 1_000, MaxDepth = 0 };

    /// <summary><c>{ ...F0 }</c>, where each F selects one item (a point) and spreads the next two.</summary>
    private static string Chain(int links) =>
        "{ ...F0 }\n" + string.Concat(Enumerable.Range(0, links).Select(i =>
            i + 2 < links ? $"fragment F{i} on Query {{ items(first: 1) {{ name }} ...F{i + 1} ...F{i + 2} }}\n"
            : $"fragment F{i} on Query {{ items(first: 1) {{ name }} }}\n"));

    /// <summary>The chain's cost by its recurrence: 1 for each of the last two links, 1 plus the next two before them.</summary>
    private static long ExactCost(int links)
    {
        long next = 1, afterNext = 1;
        for (var i = links - 3; i >= 0; i--) (next, afterNext) = (1 + next + afterNext, next);
        return next;
    }

    private static QueryAnalysis Analyze(string query, QueryLimitOptions options) =>
        QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(query), variables: null, options: options);

    [Fact]
    public void A_chain_too_costly_for_a_long_is_refused_with_the_bound_at_which_counting_stopped()
    {
        var analysis = Analyze(Chain(320), Options);

        var error = Assert.Single(analysis.Errors);
        var atLeast = Assert.IsType<long>(error.Extensions!["atLeast"]);
        Assert.False(error.Extensions.ContainsKey("actual"));
        // The first link past the maximum costs 1 + 753 + 465 = 1,219, the next 1 + 1,219 + 753 (a part within the
        // maximum is still added); from there each link adds its point to the larger of the next two, not their sum.
        Assert.Equal(1_973 + (320 - 16), atLeast);
        Assert.Equal(atLeast, analysis.RequestedQueryCost);
        Assert.Equal($"Query cost is at least {atLeast:N0} (counting stopped there), which exceeds the maximum of 1,000.", error.Message);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(14)]
    public void A_chain_within_the_maximum_is_counted_exactly(int links)
    {
        var analysis = Analyze(Chain(links), Options);

        Assert.Empty(analysis.Errors);
        Assert.Equal(ExactCost(links), analysis.RequestedQueryCost);
    }

    [Fact]
    public void A_chain_that_passes_the_maximum_only_at_its_first_link_is_refused_at_its_exact_cost()
    {
        // F1 and F2 are within 1,000, so their sum is counted exactly.
        var analysis = Analyze(Chain(15), Options);

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(ExactCost(15), error.Extensions!["actual"]);
        Assert.Equal("Query cost 1,219 exceeds the maximum of 1,000 by 219.", error.Message);
    }

    [Fact]
    public void A_chain_at_exactly_the_maximum_is_admitted_at_its_exact_cost()
    {
        var exact = ExactCost(40);

        var analysis = Analyze(Chain(40), Options with { MaxCost = exact });

        Assert.Empty(analysis.Errors);
        Assert.Equal(exact, analysis.RequestedQueryCost);
    }

    [Fact]
    public void A_chain_under_an_empty_page_costs_nothing()
    {
        // Each link alone is over the maximum, but a page of none returns none of it.
        var fragments = string.Concat(Enumerable.Range(0, 200).Select(i =>
            $"fragment F{i} on Item {{ children(first: 2) {{ name }} ...F{i + 1} ...F{i + 2} }}\n"));
        var query = "{ items(first: 0) { ...F0 } }\n" + fragments +
                    "fragment F200 on Item { name }\nfragment F201 on Item { name }\n";

        var analysis = Analyze(query, Options);

        Assert.Empty(analysis.Errors);
        Assert.Equal(0, analysis.RequestedQueryCost);
    }

    [Fact]
    public void Without_a_maximum_a_saturated_count_is_not_refused()
    {
        var analysis = Analyze(Chain(320), Options with { MaxCost = 0 });

        Assert.Empty(analysis.Errors);
        Assert.Equal(long.MaxValue, analysis.RequestedQueryCost);
    }
}
