using System.Text.Json;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Limits;

public class CostTests
{
    private static QueryAnalysis Analyze(string query, IReadOnlyDictionary<string, object?>? variables = null,
        QueryLimitOptions? options = null, string? operationName = null) =>
        QueryAnalyzer.Analyze(LimitsTestSchema.Schema, Parser.Parse(query), operationName, variables, options);

    [Fact]
    public void Nested_connections_multiply_like_GitHub_counts_nodes()
    {
        var analysis = Analyze("""
            {
              repositories(first: 50) {
                edges { node { name issues(first: 10) { totalCount nodes { title } } } }
              }
            }
            """);

        Assert.Equal(50 + 50 * 10, analysis.RequestedQueryCost);
        Assert.Empty(analysis.Errors);
    }

    [Fact]
    public void A_list_inside_a_connection_is_its_page_and_costs_nothing_more()
    {
        var analysis = Analyze("{ repositories(first: 20) { edges { cursor } pageInfo { hasNextPage } totalCount } }");

        Assert.Equal(20, analysis.RequestedQueryCost);
    }

    [Fact]
    public void Each_further_list_of_a_connection_is_the_page_again()
    {
        // edges and nodes both return the page: the response holds 40 objects in lists, so the cost cannot be 20.
        Assert.Equal(40, Analyze("{ repositories(first: 20) { edges { cursor } nodes { name } } }").RequestedQueryCost);
        Assert.Equal(60, Analyze("{ repositories(first: 20) { nodes { name } a: nodes { name } edges { cursor } } }").RequestedQueryCost);
        // The same key written twice, or spread from a fragment, is one list.
        Assert.Equal(20, Analyze("{ repositories(first: 20) { nodes { name } nodes { name } ...N } } fragment N on RepositoryConnection { nodes { name } }").RequestedQueryCost);
    }

    [Fact]
    public void Aliased_copies_of_a_field_that_costs_nothing_cost_a_point_each_per_object()
    {
        // Thirty copies of a scalar in each of seven items: 7 items + 7 × 29 copies.
        var copies = string.Concat(Enumerable.Range(0, 30).Select(i => $" n{i}: name"));
        Assert.Equal(7 + 7 * 29, Analyze($"{{ items(first: 7) {{ {copies} }} }}").RequestedQueryCost);
        // An embedded object and a list of scalars: a copy of the list costs its assumed size.
        Assert.Equal(2, Analyze("{ item { a: child { name } b: child { name } c: child { name } } }").RequestedQueryCost);
        Assert.Equal(3 * 10, Analyze("{ tags a: tags b: tags c: tags }").RequestedQueryCost);
        // At the root too, and through fragments and inline fragments, which merge into one object.
        Assert.Equal(2, Analyze("{ version v: version ... on Query { w: version } ...V } fragment V on Query { v: version }").RequestedQueryCost);
    }

    [Fact]
    public void Copies_spread_over_repeats_of_one_field_are_found_where_execution_merges_them()
    {
        // Execution merges child { n1: name } and child { n2: name } into one object holding both.
        Assert.Equal(7 + 7 * 1, Analyze("{ items(first: 7) { child { n1: name } child { n2: name } } }").RequestedQueryCost);
        Assert.Equal(10 + 10 * 2, Analyze("{ repositories(first: 10) { nodes { a: name } nodes { b: name } ...N } } fragment N on RepositoryConnection { nodes { c: name } }").RequestedQueryCost);
        // Two levels down, and at the root.
        Assert.Equal(2 + 2 * 1, Analyze("{ items(first: 2) { child { child { a: name } } child { child { b: name } } } }").RequestedQueryCost);
        Assert.Equal(1, Analyze("{ item { a: name } item { b: name } }").RequestedQueryCost);
        // The same selection written again, directly or by spreading a fragment twice, adds nothing to merge.
        Assert.Equal(7, Analyze("{ items(first: 7) { child { name } child { name } ...C ...C } } fragment C on Item { child { name } }").RequestedQueryCost);
    }

    [Fact]
    public void Fragments_spread_twice_under_one_key_at_every_level_merge_in_linear_time()
    {
        // 2^60 paths if each level were merged by copying; one fragment's keys are one object however often spread.
        const int levels = 60;
        var fragments = string.Concat(Enumerable.Range(0, levels).Select(i =>
            $" fragment F{i} on Item {{ child {{ ...F{i + 1} }} child {{ ...F{i + 1} }} }}")) + $" fragment F{levels} on Item {{ name }}";
        var document = Parser.Parse("{ item { ...F0 } }" + fragments, new ParseOptions { MaxTokens = 0 });

        var analysis = QueryAnalyzer.Analyze(LimitsTestSchema.Schema, document, options: new QueryLimitOptions { MaxDepth = 0 });

        Assert.Equal(0, analysis.RequestedQueryCost);
    }

    [Fact]
    public void A_connection_costs_a_point_even_with_an_empty_page()
    {
        // It is an object that reads data (its count, whether a page follows): aliases of it are not free.
        Assert.Equal(1, Analyze("{ repositories(first: 0) { totalCount pageInfo { hasNextPage } } }").RequestedQueryCost);
        Assert.Equal(30, Analyze("{" + string.Concat(Enumerable.Range(0, 30).Select(i => $" r{i}: repositories(first: 0) {{ totalCount }}")) + " }").RequestedQueryCost);
        Assert.Equal(0, Analyze("{ items(first: 0) { name } }").RequestedQueryCost);
    }

    [Fact]
    public void A_field_renamed_once_or_repeated_under_its_own_key_costs_nothing_more()
    {
        Assert.Equal(7, Analyze("{ items(first: 7) { label: name } }").RequestedQueryCost);
        Assert.Equal(7, Analyze("{ items(first: 7) { name name ... on Item { name } } }").RequestedQueryCost);
        // Copies of a list of objects are charged in full already.
        Assert.Equal(2 * (7 + 7 * 3), Analyze("{ a: items(first: 7) { children(first: 3) { name } } b: items(first: 7) { children(first: 3) { name } } }").RequestedQueryCost);
    }

    [Fact]
    public void A_paginated_list_counts_its_page_and_multiplies_its_children()
    {
        Assert.Equal(7 + 7 * 3, Analyze("{ items(first: 7) { name children(first: 3) { name } } }").RequestedQueryCost);
    }

    [Fact]
    public void The_larger_of_first_and_last_is_the_page_size()
    {
        Assert.Equal(9, Analyze("{ items(first: 4, last: 9) { name } }").RequestedQueryCost);
    }

    [Fact]
    public void Single_objects_and_scalars_cost_nothing()
    {
        Assert.Equal(0, Analyze("{ version item { name child { name child { name } } } tags }").RequestedQueryCost);
    }

    [Fact]
    public void A_list_without_page_arguments_is_assumed_to_hold_the_default_list_size()
    {
        Assert.Equal(10 + 10 * 3, Analyze("{ things { name items(first: 3) { name } } }").RequestedQueryCost);
        var options = new QueryLimitOptions { DefaultListSize = 2 };
        Assert.Equal(2 + 2 * 3, Analyze("{ things { name items(first: 3) { name } } }", options: options).RequestedQueryCost);
    }

    [Fact]
    public void Declared_list_size_and_cost_replace_the_defaults()
    {
        Assert.Equal(4, Analyze("{ quarters { name } }").RequestedQueryCost);
        Assert.Equal(5, Analyze("{ report { name } }").RequestedQueryCost);
        Assert.Equal(3 * 2 + 2 * 6, Analyze("{ heavyThings { items(first: 6) { name } } }").RequestedQueryCost);
    }

    [Fact]
    public void A_page_size_argument_default_is_used_when_the_argument_is_omitted()
    {
        var analysis = Analyze("{ items(first: 2) { children { name } } }");

        Assert.Equal(2 + 2 * 5, analysis.RequestedQueryCost);
        Assert.Empty(analysis.Errors);
    }

    [Fact]
    public void Page_sizes_come_from_variables_as_plain_or_JSON_values_or_from_the_variable_default()
    {
        const string query = "query($n: Int = 9) { items(first: $n) { name } }";
        Assert.Equal(7, Analyze(query, new Dictionary<string, object?> { ["n"] = 7 }).RequestedQueryCost);
        Assert.Equal(8, Analyze(query, new Dictionary<string, object?> { ["n"] = JsonDocument.Parse("8").RootElement }).RequestedQueryCost);
        Assert.Equal(9, Analyze(query).RequestedQueryCost);
    }

    [Fact]
    public void Fragments_count_once_per_spread_with_their_enclosing_multiplier()
    {
        var analysis = Analyze("""
            { items(first: 3) { ...Kids } item { ...Kids } }
            fragment Kids on Item { children(first: 4) { name ...Names } }
            fragment Names on Item { name }
            """);

        Assert.Equal(3 + 3 * 4 + 4, analysis.RequestedQueryCost);
    }

    [Fact]
    public void A_fragment_on_a_connection_keeps_its_lists_as_the_page()
    {
        var analysis = Analyze("""
            { repositories(first: 10) { ...Page } }
            fragment Page on RepositoryConnection { nodes { issues(first: 2) { nodes { title } } } }
            """);

        Assert.Equal(10 + 10 * 2, analysis.RequestedQueryCost);
    }

    [Fact]
    public void Both_branches_of_type_conditions_are_counted()
    {
        var analysis = Analyze("{ item { ... on Item { children(first: 3) { name } } ... { children(first: 2) { name } } } }");

        Assert.Equal(3 + 2, analysis.RequestedQueryCost);
    }

    [Fact]
    public void Introspection_fields_are_counted_by_the_objects_they_return()
    {
        var analysis = Analyze("{ __schema { types { name fields { name } } } }", options: new QueryLimitOptions { IntrospectionObjectsPerPoint = 1 });

        // The schema object, each type and each field of the types that have fields (IntrospectionCostTests checks
        // such counts against execution).
        var schema = LimitsTestSchema.Schema;
        var expected = 1 + schema.TypeMap.Count + schema.TypeMap.Values.OfType<GraphQLEngine.Type.GraphQLImplementingType>()
            .Sum(t => t.GetFields().Values.Count(f => !f.IsDeprecated));
        Assert.Equal(expected, analysis.RequestedQueryCost);
    }

    [Fact]
    public void A_cost_above_the_maximum_is_reported_with_the_excess()
    {
        var analysis = Analyze("{ items(first: 100) { children(first: 100) { name } } }");

        var error = Assert.Single(analysis.Errors);
        Assert.Equal("Query cost 10,100 exceeds the maximum of 10,000 by 100.", error.Message);
        Assert.Equal(QueryLimitCodes.TooComplex, error.Extensions!["code"]);
        Assert.Equal(10_000L, error.Extensions["limit"]);
        Assert.Equal(10_100L, error.Extensions["actual"]);
        Assert.Equal(10_100, analysis.RequestedQueryCost);
    }

    [Fact]
    public void A_zero_maximum_cost_is_not_enforced()
    {
        var analysis = Analyze("{ items(first: 100) { children(first: 100) { name } } }", options: new QueryLimitOptions { MaxCost = 0 });

        Assert.Empty(analysis.Errors);
        Assert.Equal(10_100, analysis.RequestedQueryCost);
    }

    [Fact]
    public void Exponentially_many_fragment_expansions_stop_being_counted_past_the_maximum()
    {
        var fragments = Enumerable.Range(0, 70).Select(i =>
            $"fragment F{i} on Item {{ children(first: 100) {{ ...F{i + 1} ...F{i + 1} }} }}");
        var query = "{ items(first: 100) { ...F0 } }\n" + string.Join("\n", fragments) + "\nfragment F70 on Item { name }";

        var analysis = Analyze(query, options: new QueryLimitOptions { MaxDepth = 0 });

        // The first fragment past 10,000 costs 100 + 100 × (100 + 100); above it, each page of 100 adds its own 100.
        var error = Assert.Single(analysis.Errors);
        var atLeast = Assert.IsType<long>(error.Extensions!["atLeast"]);
        Assert.InRange(atLeast, 20_100, 100_000);
        Assert.Equal(atLeast, analysis.RequestedQueryCost);
    }

    [Fact]
    public void Cyclic_fragments_terminate()
    {
        var analysis = Analyze("""
            { item { ...A } }
            fragment A on Item { child { ...B } }
            fragment B on Item { child { ...A } }
            """);

        Assert.Equal(0, analysis.RequestedQueryCost);
        Assert.Equal(3, analysis.Depth);
    }

    [Fact]
    public void The_selected_operation_is_measured()
    {
        const string document = "query Small { items(first: 1) { name } } query Large { items(first: 50) { name } }";

        Assert.Equal(50, Analyze(document, operationName: "Large").RequestedQueryCost);
        Assert.Equal(1, Analyze(document, operationName: "Small").RequestedQueryCost);
        Assert.Same(QueryAnalysis.Empty, Analyze(document));
        Assert.Same(QueryAnalysis.Empty, Analyze(document, operationName: "Missing"));
    }

    [Fact]
    public void Selections_left_out_by_skip_or_include_count_nothing()
    {
        const string query = """
            query($hide: Boolean!, $show: Boolean = true) {
              a: items(first: 10) @skip(if: true) { name }
              b: items(first: 20) @include(if: $show) { name }
              c: items(first: 30) @skip(if: $hide) { name }
              items { ... @include(if: false) { name } }
            }
            """;

        var hidden = Analyze(query, new Dictionary<string, object?> { ["hide"] = true });
        var shown = Analyze(query, new Dictionary<string, object?> { ["hide"] = JsonDocument.Parse("false").RootElement, ["show"] = false });

        Assert.Equal(20 + 100, hidden.RequestedQueryCost);
        Assert.Equal(30 + 100, shown.RequestedQueryCost);
        Assert.Equal(1, hidden.AliasCount);
    }

    [Fact]
    public void A_skipped_field_needs_no_page_size()
    {
        Assert.Empty(Analyze("{ items @skip(if: true) { name } version }").Errors);
    }
}
