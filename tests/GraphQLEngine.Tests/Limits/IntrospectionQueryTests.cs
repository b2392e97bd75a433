using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Limits;

/// <summary>IDEs (GraphiQL and others) send graphql-js's full introspection query on start-up: the defaults must admit it.</summary>
public class IntrospectionQueryTests
{
    public const string GraphQLJsIntrospectionQuery = GraphQLJsIntrospection.Query;

    [Fact]
    public void The_full_introspection_query_passes_the_default_limits()
    {
        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(GraphQLJsIntrospectionQuery));

        Assert.Empty(analysis.Errors);
        Assert.Equal(15, analysis.Depth);
        Assert.Equal(0, analysis.AliasCount);
        // The objects it returns from this schema (IntrospectionCostTests checks the count against execution), 10 a point.
        Assert.InRange(analysis.RequestedQueryCost, 10, 100);
    }

    [Fact]
    public void It_is_counted_rather_than_exempt()
    {
        var options = new QueryLimitOptions { MaxDepth = 14, MaxCost = 5 };

        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(GraphQLJsIntrospectionQuery), options: options);

        Assert.Equal([QueryLimitCodes.TooDeep, QueryLimitCodes.TooComplex], analysis.Errors.Select(e => (string?)e.Extensions!["code"]));
    }

    [Fact]
    public void It_can_be_left_out_of_the_cost_while_its_depth_still_counts()
    {
        var options = new QueryLimitOptions { MaxDepth = 14, MaxCost = 5, IntrospectionObjectsPerPoint = 0 };

        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(GraphQLJsIntrospectionQuery), options: options);

        Assert.Equal(0, analysis.RequestedQueryCost);
        Assert.Equal([QueryLimitCodes.TooDeep], analysis.Errors.Select(e => (string?)e.Extensions!["code"]));
    }

    [Fact]
    public void Left_out_of_the_cost_it_leaves_the_other_fields_counted()
    {
        var options = new QueryLimitOptions { IntrospectionObjectsPerPoint = 0 };

        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema,
            Parser.Parse("{ __type(name: \"Query\") { fields { name } } repositories(first: 5) { nodes { name } } }"), options: options);

        Assert.Equal(5, analysis.RequestedQueryCost);
    }
}
