using System.Text.Json;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Limits;

/// <summary>
/// A list whose length only the data knows declares a <see cref="CostMetadata.ListSizeBound"/>: the cost model asks
/// it for the most items the field can return, given the arguments as the resolver will see them.
/// </summary>
public class ListSizeBoundTests
{
    private static long Cost(string query, IReadOnlyDictionary<string, object?>? variables = null) =>
        QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(query), variables: variables).RequestedQueryCost;

    [Fact]
    public void The_bound_replaces_the_declared_size()
    {
        // Declared 4, bounded by the data at 1,000.
        Assert.Equal(1_000, Cost("{ series { name } }"));
        Assert.Equal(1_000 + 1_000 * 3, Cost("{ series { name items(first: 3) { name } } }"));
    }

    [Fact]
    public void Arguments_written_in_the_document_tighten_it()
    {
        Assert.Equal(10, Cost("{ series(from: 11, to: 20) { name } }"));
        Assert.Equal(0, Cost("{ series(from: 20, to: 11) { name } }"));
    }

    [Fact]
    public void Variables_are_coerced_as_execution_will_see_them()
    {
        var variables = new Dictionary<string, object?> { ["from"] = JsonDocument.Parse("991").RootElement };
        Assert.Equal(10, Cost("query($from: Int, $to: Int = 1000) { series(from: $from, to: $to) { name } }", variables));
    }

    [Fact]
    public void Input_object_arguments_arrive_with_their_defaults()
    {
        Assert.Equal(7, Cost("{ series(window: {}) { name } }"));
        Assert.Equal(3, Cost("{ series(window: { days: 3 }) { name } }"));
    }

    [Fact]
    public void When_the_bound_cannot_say_the_declared_size_is_used()
    {
        Assert.Equal(4, Cost("{ unbounded { name } }"));
    }

    [Fact]
    public void When_the_variables_do_not_coerce_the_declared_size_is_used_and_execution_refuses_the_request()
    {
        var variables = new Dictionary<string, object?> { ["from"] = JsonDocument.Parse("\"x\"").RootElement };
        Assert.Equal(4, Cost("query($from: Int) { series(from: $from) { name } }", variables));
    }

    [Fact]
    public void A_bound_over_the_maximum_cost_refuses_the_query()
    {
        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse("{ series { name } }"),
            options: new QueryLimitOptions { MaxCost = 500 });

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(QueryLimitCodes.TooComplex, error.Extensions!["code"]);
    }
}
