using System.Collections;
using System.Text.Json;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Limits;

/// <summary>
/// Introspection is charged by the objects it returns, counted exactly from the schema: at one object per point the
/// cost equals the objects the executor actually puts in the response.
/// </summary>
public class IntrospectionCostTests
{
    private static readonly QueryLimitOptions OnePerObject = new() { IntrospectionObjectsPerPoint = 1, MaxDepth = 0, MaxAliases = 0, MaxCost = 0 };

    public static TheoryData<string, string?> Documents => new()
    {
        { IntrospectionQueryTests.GraphQLJsIntrospectionQuery, null },
        { "{ __schema { types { name } } }", null },
        { "{ __schema { queryType { name fields { name args { name type { name ofType { name } } } } } } }", null },
        { "{ a: __schema { types { ...T } } b: __schema { types { ...T } } } fragment T on __Type { fields(includeDeprecated: true) { type { ofType { kind } } } }", null },
        { "{ __type(name: \"Query\") { fields { name } } }", null },
        { "query($all: Boolean) { __type(name: \"Query\") { fields(includeDeprecated: $all) { name } } }", """{"all": true}""" },
        { "query($all: Boolean = true) { __type(name: \"Query\") { fields(includeDeprecated: $all) { name } } }", null },
        { "query($name: String!) { __type(name: $name) { inputFields { name type { name } } } }", """{"name": "Window"}""" },
        { "{ __type(name: \"Nope\") { name } }", null },
        { "{ __schema { directives { name args { name type { kind } } } types { possibleTypes { name } interfaces { name } enumValues(includeDeprecated: false) { name } } } }", null },
        { "query($skip: Boolean!) { __schema { types @skip(if: $skip) { name } directives { name } } }", """{"skip": true}""" },
        { "{ __schema { types { fields { name ... on __Field { type { name } } } } } }", null },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task At_one_object_per_point_the_cost_is_the_objects_returned(string query, string? variables)
    {
        var document = Parser.Parse(query);
        var values = variables is null ? null : VariableValues.ToInputs(JsonDocument.Parse(variables).RootElement);

        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, document, variables: values, options: OnePerObject);
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = LimitsTestSchema.Schema,
            Document = document,
            VariableValues = values,
        });

        Assert.Empty(result.Errors);
        Assert.Equal(Objects(result.Data), analysis.RequestedQueryCost);
    }

    [Fact]
    public void The_rate_divides_the_objects_rounding_up_per_root_field()
    {
        var one = Cost("{ __type(name: \"Query\") { name } }", 10);
        var thirty = Cost(string.Concat(Enumerable.Range(0, 30).Select(i => $" a{i}: __type(name: \"Query\") {{ name }}")).Insert(0, "{") + " }", 10);

        Assert.Equal(1, one);
        Assert.Equal(30, thirty);
    }

    [Fact]
    public void Aliased_copies_of_the_schema_cost_as_many_times_one()
    {
        const string fragment = " fragment T on __Type { name fields { name type { name ofType { name } } } }";
        var one = Cost("{ __schema { types { ...T } } }" + fragment, 10);
        var copies = Cost("{" + string.Concat(Enumerable.Range(0, 30).Select(i => $" s{i}: __schema {{ types {{ ...T }} }}")) + " }" + fragment, 10);

        Assert.True(one > 1);
        Assert.InRange(copies, 30 * one - 30, 30 * one);
    }

    [Fact]
    public void Aliased_copies_of_a_scalar_cost_a_point_each_per_object_they_are_written_in()
    {
        var fields = LimitsTestSchema.Schema.QueryType!.GetFields().Values.Count(f => !f.IsDeprecated);
        var plain = Cost("{ __type(name: \"Query\") { fields { description } } }", 10);
        // Two aliased keys in each field object (a fragment's key merges with the same key, not counted again); a
        // rename is an aliased key too, and so are copies spread over repeats of an object field.
        var copies = Cost("{ __type(name: \"Query\") { fields { description d1: description ...D ... on __Field { d2: description } } } } fragment D on __Field { d1: description }", 10);
        var renamed = Cost("{ __type(name: \"Query\") { fields { text: description } } }", 10);
        var repeats = Cost("{ __type(name: \"Query\") { fields { type { a: name } type { b: name } } } }", 10);

        Assert.Equal((1 + fields + 9) / 10, plain);
        Assert.Equal((1 + fields + 2 * 10 * fields + 9) / 10, copies);
        Assert.Equal((1 + fields + 10 * fields + 9) / 10, renamed);
        Assert.True(repeats >= 2 * fields, $"{repeats} points for two aliased names in each of {fields} fields' types");
    }

    [Fact]
    public void Counting_stops_once_the_objects_are_more_than_the_maximum_cost_pays_for()
    {
        // Distinct selection sets are walked one by one; 2,000 of them over every type would be a long walk.
        var document = "{" + string.Concat(Enumerable.Range(0, 2_000).Select(i => $" s{i}: __schema {{ types {{ fields {{ name }} }} }}")) + " }";

        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(document, new ParseOptions { MaxTokens = 0 }),
            options: new QueryLimitOptions { MaxCost = 100, MaxAliases = 0, IntrospectionObjectsPerPoint = 10 });

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(QueryLimitCodes.TooComplex, error.Extensions!["code"]);
        Assert.InRange(analysis.RequestedQueryCost, 101, 2_000 * Cost("{ __schema { types { fields { name } } } }", 10));
        Assert.Equal(analysis.RequestedQueryCost, error.Extensions["atLeast"]);
        Assert.False(error.Extensions.ContainsKey("actual"));
        Assert.Equal($"Query cost is at least {analysis.RequestedQueryCost:N0} (counting stopped there), which exceeds the maximum of 100.",
            error.Message);
    }

    [Fact]
    public void A_refusal_is_reached_without_walking_every_alias()
    {
        // The campaign's document: aliases of the schema over a two-level fragment. Counted in full, each alias
        // after the first costs a look-up per type; refused, counting ends a few aliases in.
        var document = Parser.Parse(FragmentAliases(30));
        var full = Measure(document, new QueryLimitOptions { MaxCost = 0, MaxAliases = 0, MaxDepth = 0, IntrospectionObjectsPerPoint = 1 });
        var oneAlias = Measure(Parser.Parse(FragmentAliases(1)), new QueryLimitOptions { MaxCost = 0, MaxAliases = 0, MaxDepth = 0, IntrospectionObjectsPerPoint = 1 });
        var limit = oneAlias.Cost * 3;

        var refused = Measure(document, new QueryLimitOptions { MaxCost = limit, MaxAliases = 0, MaxDepth = 0, IntrospectionObjectsPerPoint = 1 });
        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, document,
            options: new QueryLimitOptions { MaxCost = limit, MaxAliases = 0, MaxDepth = 0, IntrospectionObjectsPerPoint = 1 });

        Assert.Equal(30 * oneAlias.Cost, full.Cost);
        Assert.Equal(QueryLimitCodes.TooComplex, Assert.Single(analysis.Errors).Extensions!["code"]);
        // Four aliases are the first to cost more than three: the walk stops there, however many follow.
        Assert.Equal(4 * oneAlias.Cost, analysis.RequestedQueryCost);
        Assert.Equal(oneAlias.Walked + 3 * (full.Walked - oneAlias.Walked) / 29, refused.Walked);
        Assert.True(refused.Walked < full.Walked / 2, $"walked {refused.Walked} of {full.Walked}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void At_a_maximum_equal_to_the_count_the_document_is_admitted_at_its_exact_cost(string query, string? variables)
    {
        var document = Parser.Parse(query);
        var values = variables is null ? null : VariableValues.ToInputs(JsonDocument.Parse(variables).RootElement);
        var exact = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, document, variables: values, options: OnePerObject).RequestedQueryCost;

        var atLimit = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, document, variables: values,
            options: OnePerObject with { MaxCost = Math.Max(1, exact) });

        Assert.Empty(atLimit.Errors);
        Assert.Equal(exact, atLimit.RequestedQueryCost);
    }

    private static string FragmentAliases(int aliases) =>
        "{" + string.Concat(Enumerable.Range(0, aliases).Select(i => $" s{i}: __schema {{ types {{ ...T }} }}")) + " }" +
        " fragment T on __Type { name fields(includeDeprecated: true) { name args { name type { ...U } } type { ...U ofType { ...U } } } }" +
        " fragment U on __Type { name kind fields(includeDeprecated: true) { name type { name ofType { name } } } }";

    private static (long Cost, long Walked) Measure(DocumentNode document, QueryLimitOptions options)
    {
        var operation = document.Definitions.OfType<OperationDefinitionNode>().Single();
        var measurer = new SelectionMeasurer(LimitsTestSchema.Schema, document, operation, null, options);
        var measure = measurer.MeasureOperation(LimitsTestSchema.Schema.QueryType!);
        return (measure.Cost, measurer.IntrospectionWalked);
    }

    [Fact]
    public void Just_under_the_limit_the_count_is_exact()
    {
        var exact = Cost("{ __schema { types { fields { name } } } }", 1);

        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse("{ __schema { types { fields { name } } } }"),
            options: new QueryLimitOptions { MaxCost = exact, IntrospectionObjectsPerPoint = 1 });

        Assert.Equal(exact, analysis.RequestedQueryCost);
        Assert.Empty(analysis.Errors);
    }

    [Fact]
    public void A_rate_of_zero_leaves_introspection_out_of_the_cost()
    {
        Assert.Equal(5, Cost("{ __schema { types { name fields { name } } } repositories(first: 5) { nodes { name } } }", 0));
    }

    private static long Cost(string query, int rate) =>
        QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(query),
            options: new QueryLimitOptions { IntrospectionObjectsPerPoint = rate, MaxCost = 0, MaxAliases = 0 }).RequestedQueryCost;

    /// <summary>Objects in the response below its root (the data map itself is not one).</summary>
    private static long Objects(object? value, bool root = true)
    {
        switch (value)
        {
            case ResponseMap map:
                return (root ? 0 : 1) + map.Sum(entry => Objects(entry.Value, root: false));
            case string or null:
                return 0;
            case IEnumerable items:
                return items.Cast<object?>().Sum(item => Objects(item, root: false));
            default:
                return 0;
        }
    }
}
