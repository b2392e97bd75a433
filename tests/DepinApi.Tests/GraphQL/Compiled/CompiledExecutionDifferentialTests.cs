using System.Text;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// Compiled execution (one SQL statement building <c>data</c>) must answer exactly as the resolvers do. Hundreds of
/// generated operations, and a few pinned ones, go to a server with compiled execution on and to one with it off;
/// status, body (key order and number text included) and cost must match, and each server must say through
/// Server-Timing which path answered.
/// </summary>
public class CompiledExecutionDifferentialTests(CompiledExecutionServers servers) : IClassFixture<CompiledExecutionServers>
{
    private const int FailuresShown = 3;

    [Fact]
    public async Task Every_generated_compilable_query_is_valid()
    {
        var exchanges = await servers.CompilableExchanges;

        // Otherwise both servers could agree on the same validation error without having run anything.
        AssertNone(exchanges.Where(e => !Succeeded(e.Resolvers)).Select(e => Describe("invalid query", e)), exchanges.Count);
    }

    [Fact]
    public async Task Both_paths_give_the_same_response_to_every_generated_compilable_query()
    {
        var exchanges = await servers.CompilableExchanges;

        AssertNone(exchanges.Select(Mismatch).OfType<string>(), exchanges.Count);
    }

    [Fact]
    public async Task The_compiled_path_answers_every_generated_compilable_query_and_only_with_it_on()
    {
        var exchanges = await servers.CompilableExchanges;

        AssertNone(exchanges.Where(e => !(e.Compiled.Says(ExpectedPath(e)) && e.Resolvers.Says("resolvers")))
            .Select(e => Describe("wrong execution path", e)), exchanges.Count);
    }

    /// <summary>
    /// Compiled, unless the root selects nothing that reads data (only <c>__typename</c>, or every field skipped): the
    /// resolvers answer that without the database. Told from the answer: every value of such a <c>data</c> is "Query".
    /// </summary>
    private static string ExpectedPath(DifferentialExchange exchange)
    {
        using var body = System.Text.Json.JsonDocument.Parse(exchange.Resolvers.Body);
        var readsData = body.RootElement.GetProperty("data").EnumerateObject()
            .Any(field => field.Value.ValueKind != System.Text.Json.JsonValueKind.String || field.Value.GetString() != "Query");
        return readsData ? "compiled" : "resolvers";
    }

    [Fact]
    public async Task Queries_just_outside_the_subset_are_valid_and_get_the_same_response_from_both_servers()
    {
        var exchanges = await servers.OutsideExchanges;

        AssertNone(exchanges.Where(e => !Succeeded(e.Exchange.Resolvers)).Select(e => Describe($"invalid query ({e.Element})", e.Exchange))
            .Concat(exchanges.Select(e => Mismatch(e.Exchange) is { } mismatch ? $"[{e.Element}] {mismatch}" : null).OfType<string>()),
            exchanges.Count);
    }

    [Fact]
    public async Task Queries_just_outside_the_subset_run_through_resolvers_on_both_servers()
    {
        var exchanges = await servers.OutsideExchanges;

        AssertNone(exchanges.Where(e => !(e.Exchange.Compiled.Says("resolvers") && e.Exchange.Resolvers.Says("resolvers")))
            .Select(e => Describe($"wrong execution path ({e.Element})", e.Exchange)), exchanges.Count);
    }

    public static TheoryData<string> PinnedQueries => new(PinnedCompilableQueries.All.Keys);

    [Theory]
    [MemberData(nameof(PinnedQueries))]
    public async Task A_pinned_query_is_compiled_and_answered_as_the_resolvers_answer_it(string name)
    {
        var exchange = await servers.ExchangeAsync(PinnedCompilableQueries.All[name]);

        Assert.True(Succeeded(exchange.Resolvers), Describe("invalid query", exchange));
        var mismatch = Mismatch(exchange);
        Assert.True(mismatch is null, mismatch);
        Assert.True(exchange.Compiled.Says("compiled") && exchange.Resolvers.Says("resolvers"), Describe("wrong execution path", exchange));
    }

    public static TheoryData<string> RefusedQueries => new(PinnedCompilableQueries.Refused.Keys);

    [Theory]
    [MemberData(nameof(RefusedQueries))]
    public async Task A_query_the_resolvers_refuse_gets_the_same_error_from_both_servers(string name)
    {
        var exchange = await servers.ExchangeAsync(PinnedCompilableQueries.Refused[name]);

        Assert.Contains("\"errors\":", exchange.Resolvers.Body, StringComparison.Ordinal);
        var mismatch = Mismatch(exchange);
        Assert.True(mismatch is null, mismatch);
        Assert.True(exchange.Compiled.Says("resolvers"), Describe("wrong execution path", exchange));
    }

    public static TheoryData<string> FailedBeforeExecutionQueries => new(PinnedCompilableQueries.FailedBeforeExecution.Keys);

    [Theory]
    [MemberData(nameof(FailedBeforeExecutionQueries))]
    public async Task A_query_failed_before_it_runs_gets_the_same_error_from_both_servers_and_runs_on_neither(string name)
    {
        var exchange = await servers.ExchangeAsync(PinnedCompilableQueries.FailedBeforeExecution[name]);

        Assert.Contains("\"errors\":", exchange.Resolvers.Body, StringComparison.Ordinal);
        var mismatch = Mismatch(exchange);
        Assert.True(mismatch is null, mismatch);
        Assert.False(new[] { exchange.Compiled, exchange.Resolvers }.Any(a => a.Says("compiled") || a.Says("resolvers")),
            Describe("executed", exchange));
    }

    public static TheoryData<string, int> CursorPages => new()
    {
        { "SLUG ASC", 0 }, { "SLUG DESC", 0 }, { "NAME ASC", 0 }, { "NAME DESC", 0 }, { "NAME ASC", 1 }, { "SLUG DESC", 1 },
    };

    /// <summary>
    /// The shape the harness measured outside the subset: a page after a cursor, with edges and two nested lists, in
    /// every order; page 1 of a cursor is past the last project (an empty page). On the past version too, and with
    /// a page size of 0.
    /// </summary>
    [Theory]
    [MemberData(nameof(CursorPages))]
    public async Task A_page_after_a_cursor_with_edges_is_compiled_and_answered_as_the_resolvers_answer_it(string order, int page)
    {
        const string query = """
            query ($after: String, $order: ProjectOrder, $first: Int!, $asOf: AsOf) {
              projects(first: $first, after: $after, orderBy: $order, asOf: $asOf) {
                totalCount
                edges { cursor node { slug name revenue(from: "2025Q2") { quarter amountUsd } tokenPrices { date priceUsd } } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }
            """;
        var parts = order.Split(' ');
        foreach (var (first, asOf) in new[] { (2, (string?)null), (3, "1"), (0, null) })
        {
            var variables = new System.Text.Json.Nodes.JsonObject
            {
                // A cursor is signed for the asOf it was read with.
                ["after"] = servers.Vocabulary.CursorsOf(order, asOf)[page],
                ["order"] = new System.Text.Json.Nodes.JsonObject { ["field"] = parts[0], ["direction"] = parts[1] },
                ["first"] = first,
                ["asOf"] = asOf,
            };
            var exchange = await servers.ExchangeAsync(new GeneratedQuery(query, variables));

            Assert.True(Succeeded(exchange.Resolvers), Describe("invalid query", exchange));
            var mismatch = Mismatch(exchange);
            Assert.True(mismatch is null, mismatch);
            Assert.True(exchange.Compiled.Says("compiled"), Describe("wrong execution path", exchange));
        }
    }

    [Fact]
    public async Task The_benchmark_cursor_page_is_compiled_and_answered_as_the_resolvers_answer_it()
    {
        var query = PinnedCompilableQueries.BenchmarkQuery("DEPIN_CURSOR_PAGE_QUERY");
        var exchange = await servers.ExchangeAsync(new GeneratedQuery(query,
            new System.Text.Json.Nodes.JsonObject { ["after"] = servers.Vocabulary.CursorsOf("SLUG ASC", null)[0] }));

        Assert.True(Succeeded(exchange.Resolvers), Describe("invalid query", exchange));
        Assert.True(Mismatch(exchange) is null, Mismatch(exchange));
        Assert.True(exchange.Compiled.Says("compiled"), Describe("wrong execution path", exchange));
    }

    [Fact]
    public async Task A_cursor_the_compiled_path_signed_opens_the_next_page_on_both_paths()
    {
        const string query = "query ($after: String) { projects(first: 3, after: $after) { edges { cursor node { slug } } pageInfo { endCursor } } }";
        var first = await servers.Compiled.DataAsync(query, new { after = (string?)null });
        var cursor = first.GetProperty("projects").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var lastEdge = first.GetProperty("projects").GetProperty("edges").EnumerateArray().Last().GetProperty("cursor").GetString();

        var exchange = await servers.ExchangeAsync(new GeneratedQuery(query, new System.Text.Json.Nodes.JsonObject { ["after"] = cursor }));

        Assert.Equal(cursor, lastEdge);
        Assert.True(Mismatch(exchange) is null, Mismatch(exchange));
        Assert.True(exchange.Compiled.Says("compiled"), Describe("wrong execution path", exchange));
        Assert.Contains("\"slug\"", exchange.Compiled.Body, StringComparison.Ordinal);
    }

    private const string FilteredPage = """
        query ($after: String, $filter: ProjectFilter, $asOf: AsOf) {
          projects(first: 2, after: $after, filter: $filter, orderBy: {field: NAME, direction: DESC}, asOf: $asOf) {
            totalCount edges { cursor node { slug name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    public static TheoryData<string, string?> Filters => new()
    {
        { """{"sector": "COMPUTE"}""", null },
        { """{"search": "e"}""", "1" },
        { """{"slugs": ["render", "akash", "helium", "io-net"], "search": " N "}""", null },
    };

    /// <summary>A cursor is signed for its list's filter, so the generated queries page only unfiltered lists; these page filtered ones.</summary>
    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_filtered_page_after_a_cursor_of_that_filter_is_compiled_and_answered_as_the_resolvers_answer_it(string filter, string? asOf)
    {
        var variables = new System.Text.Json.Nodes.JsonObject { ["filter"] = System.Text.Json.Nodes.JsonNode.Parse(filter), ["asOf"] = asOf };
        var first = await servers.Compiled.DataAsync(FilteredPage, variables);
        variables["after"] = first.GetProperty("projects").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var exchange = await servers.ExchangeAsync(new GeneratedQuery(FilteredPage, variables));

        Assert.True(Succeeded(exchange.Resolvers), Describe("invalid query", exchange));
        Assert.True(Mismatch(exchange) is null, Mismatch(exchange));
        Assert.True(exchange.Compiled.Says("compiled"), Describe("wrong execution path", exchange));
    }

    /// <summary>A cursor read with one filter or asOf and sent with another: the same BAD_CURSOR from both servers.</summary>
    [Theory]
    [InlineData("""{"sector": "COMPUTE"}""", null, """{"sector": "STORAGE"}""", null)]
    [InlineData("null", null, """{"search": "e"}""", null)]
    [InlineData("null", "1", "null", "2")]
    [InlineData("null", "2", "null", null)]
    public async Task A_cursor_of_another_filter_or_asOf_gets_the_same_error_from_both_servers(string readWith, string? readAsOf, string sentWith, string? sentAsOf)
    {
        var read = new System.Text.Json.Nodes.JsonObject { ["filter"] = System.Text.Json.Nodes.JsonNode.Parse(readWith), ["asOf"] = readAsOf };
        var cursor = (await servers.Resolvers.DataAsync(FilteredPage, read)).GetProperty("projects").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var exchange = await servers.ExchangeAsync(new GeneratedQuery(FilteredPage, new System.Text.Json.Nodes.JsonObject
        {
            ["after"] = cursor,
            ["filter"] = System.Text.Json.Nodes.JsonNode.Parse(sentWith),
            ["asOf"] = sentAsOf,
        }));

        Assert.Contains("\"BAD_CURSOR\"", exchange.Resolvers.Body, StringComparison.Ordinal);
        Assert.True(Mismatch(exchange) is null, Mismatch(exchange));
        Assert.True(exchange.Compiled.Says("resolvers"), Describe("wrong execution path", exchange));
    }

    [Fact]
    public async Task AsOf_reads_the_past_version_on_the_compiled_path()
    {
        var exchange = await servers.ExchangeAsync(PinnedCompilableQueries.All["asOf a past version, followed by the root fields without it"]);

        // Version 1 had Aethir's first statement of Q2 and Helium's old name; version 2 corrected and renamed them.
        Assert.True(exchange.Compiled.Says("compiled"), Describe("wrong execution path", exchange));
        Assert.Contains("32700000", exchange.Compiled.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("32800000", exchange.Compiled.Body, StringComparison.Ordinal);
        Assert.Contains("\"Helium\"", exchange.Compiled.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generators_are_deterministic_and_reach_every_feature_of_the_subset()
    {
        var first = CompilableQueryGenerator.Compilable(servers.Vocabulary, CompiledExecutionServers.CompilableSeed, CompiledExecutionServers.CompilableCount);
        var again = CompilableQueryGenerator.Compilable(servers.Vocabulary, CompiledExecutionServers.CompilableSeed, CompiledExecutionServers.CompilableCount);
        var outside = CompilableQueryGenerator.JustOutside(servers.Vocabulary, CompiledExecutionServers.OutsideSeed, CompiledExecutionServers.OutsideCount);

        Assert.Equal(first.Select(q => (q.Query, q.VariablesJson)), again.Select(q => (q.Query, q.VariablesJson)));
        // A change to the generator that silently stopped producing one of these would leave it untested.
        string[] features =
        [
            "fragment ", "... on ", "...{", "... @", "@skip(if: true)", "@include(if: $", "__typename", "typename_", "$v", "= ",
            "first: 0", "first: 100", "slugs: []", "unknown-project", "orderBy: {field: NAME, direction: DESC}", "field: SLUG",
            "sector: SENSORS", "revenue(", "tokenPrices(", "metrics(metric:", "units: LIN", "units: CHG", "units: PCH", "units: PC1", "project(slug:", "null",
            "sectorFigures", "scope: DEPIN_COMPUTE", "quarter: ", "sources {", "settlementMix {", "asOf: ", "after: ", "edges {", "cursor", "node {", "startCursor", "endCursor", "sectors {", "projectCount", "permalink", "citation",
            "preferred", "shareOf", "meta {", "importedAt",
        ];
        var missing = features.Where(f => !first.Any(q => q.Query.Replace("... {", "...{").Contains(f, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "No generated query contains: " + string.Join(" | ", missing));
        Assert.Contains(first, q => q.VariablesJson.Contains(":null", StringComparison.Ordinal));
        Assert.Contains(first, q => q.Query.Contains("revenue_", StringComparison.Ordinal) && q.Query.Contains(" revenue(", StringComparison.Ordinal));
        Assert.Equal(OutsideSubsetElement.All.Select(e => e.Name).Order(), outside.Select(o => o.Element.Name).Distinct().Order());
    }

    [Fact]
    public void The_comparison_ignores_layout_but_not_order_numbers_or_cost()
    {
        static NormalisedResponse Of(string body) => NormalisedResponse.Of(body);

        Assert.Equal(Of("""{"data":{"a":1,"b":"é"}}"""), Of("""{ "data" : { "a" : 1, "b" : "\u00e9" } }"""));
        Assert.NotEqual(Of("""{"data":{"a":1,"b":2}}""").Body, Of("""{"data":{"b":2,"a":1}}""").Body);
        Assert.NotEqual(Of("""{"data":{"a":1.0}}""").Body, Of("""{"data":{"a":1}}""").Body);
        Assert.NotEqual(Of("""{"data":{"a":[1,2]}}""").Body, Of("""{"data":{"a":[2,1]}}""").Body);
        // Extensions are compared on their own, the throttle status left out.
        var cost = Of("""{"data":{},"extensions":{"cost":{"requestedQueryCost":3,"actualQueryCost":2,"throttleStatus":{"currentlyAvailable":9}}}}""");
        Assert.Equal("""{"data":{}}""", cost.Body);
        Assert.Equal(cost, Of("""{"data":{},"extensions":{"cost":{"requestedQueryCost":3,"actualQueryCost":2,"throttleStatus":{"currentlyAvailable":1}}}}"""));
        Assert.NotEqual(cost, Of("""{"data":{},"extensions":{"cost":{"requestedQueryCost":3,"actualQueryCost":1}}}"""));
    }

    private static bool Succeeded(ServerAnswer answer) =>
        answer.Status == 200 && NormalisedResponse.Of(answer.Body).Body is var body && !body.Contains("\"errors\":", StringComparison.Ordinal)
        && body.StartsWith("{\"data\":{", StringComparison.Ordinal);

    /// <summary>How the two answers differ, or null when they agree.</summary>
    private static string? Mismatch(DifferentialExchange exchange)
    {
        var (compiled, resolvers) = (exchange.Compiled, exchange.Resolvers);
        if (compiled.Status != resolvers.Status)
            return Describe($"status {compiled.Status} (compiled on) against {resolvers.Status} (compiled off)", exchange);
        var (c, r) = (NormalisedResponse.Of(compiled.Body), NormalisedResponse.Of(resolvers.Body));
        if (c.Body != r.Body)
            return Describe("bodies differ: " + NormalisedResponse.Difference("compiled on ", c.Body, "compiled off", r.Body), exchange);
        if (c.Extensions != r.Extensions)
            return Describe("extensions (cost) differ: " + NormalisedResponse.Difference("compiled on ", c.Extensions, "compiled off", r.Extensions), exchange);
        return null;
    }

    private static string Describe(string what, DifferentialExchange exchange)
    {
        static string Cut(string text, int most = 1500) => text.Length <= most ? text : text[..most] + $"… ({text.Length} characters)";
        return new StringBuilder()
            .AppendLine(what)
            .AppendLine("query: " + exchange.Query.Query)
            .AppendLine("variables: " + exchange.Query.VariablesJson)
            .AppendLine($"compiled on  ({exchange.Compiled.Status}, Server-Timing: {exchange.Compiled.ServerTiming}): {Cut(exchange.Compiled.Body)}")
            .AppendLine($"compiled off ({exchange.Resolvers.Status}, Server-Timing: {exchange.Resolvers.ServerTiming}): {Cut(exchange.Resolvers.Body)}")
            .ToString();
    }

    private static void AssertNone(IEnumerable<string> failures, int total)
    {
        var all = failures.ToList();
        if (all.Count == 0) return;
        Assert.Fail($"{all.Count} of {total} queries failed; the first {Math.Min(all.Count, FailuresShown)}:\n\n"
                    + string.Join("\n", all.Take(FailuresShown)));
    }
}
