using System.Text.Json;
using DepinApi.Tests.GraphQL.Compiled;
using GraphQLEngine.Tests.Limits;
using Xunit.Abstractions;

namespace DepinApi.Tests.GraphQL.Cost;

/// <summary>
/// The cost model's promise (docs/graphql.md, "Limits and the cost model"): whatever an admitted operation asks for,
/// its response holds at most <see cref="MaxBytesPerPoint"/> bytes and <see cref="MaxObjectsPerPoint"/> objects per
/// point charged. Thousands of generated operations (the compiled-execution differential test's generator, fixed
/// seeds) and hand-made ones go over HTTP to a server whose database also holds a 20,000-day synthetic price series.
/// </summary>
public class CostPerPointTests(LongSeriesServer server, ITestOutputHelper output) : IClassFixture<LongSeriesServer>
{
    public const int MaxBytesPerPoint = 2_048;
    public const int MaxObjectsPerPoint = 10;

    private const int GeneratedSeed = 20261203;
    private const int GeneratedCount = 2_000;
    private const int OutsideSeed = 20261204;

    [Fact]
    public async Task Every_admitted_operation_returns_at_most_the_stated_bytes_and_objects_per_point()
    {
        var operations = Operations().ToList();
        var measured = new List<Measurement>();
        foreach (var operation in operations)
            measured.Add(await MeasureAsync(operation));

        var admitted = measured.Where(m => m.Admitted).ToList();
        var worstBytes = admitted.MaxBy(m => m.BytesPerPoint)!;
        var worstObjects = admitted.MaxBy(m => m.ObjectsPerPoint)!;
        output.WriteLine($"{operations.Count} operations, {admitted.Count} admitted, {measured.Count(m => !m.Admitted)} refused");
        output.WriteLine($"most bytes per point: {worstBytes.BytesPerPoint:F0} ({worstBytes.Bytes} bytes, {worstBytes.Points} points) {Shorten(worstBytes.Query)}");
        output.WriteLine($"most objects per point: {worstObjects.ObjectsPerPoint:F2} ({worstObjects.Objects} objects, {worstObjects.Points} points) {Shorten(worstObjects.Query)}");
        var worstData = admitted.Where(m => !m.Query.Contains("__")).MaxBy(m => m.BytesPerPoint)!;
        output.WriteLine($"most bytes per point without introspection: {worstData.BytesPerPoint:F0} ({worstData.Bytes} bytes, {worstData.Objects} objects, {worstData.Points} points) {Shorten(worstData.Query)}");
        output.WriteLine($"largest admitted response: {admitted.Max(m => m.Bytes)} bytes");

        // Enough of each kind that the bound is tested, not skipped: many admitted, some refused by their cost.
        Assert.True(admitted.Count > operations.Count / 2, $"only {admitted.Count} of {operations.Count} admitted");
        var underCharged = admitted.Where(m => m.Actual > m.Points).ToList();
        Assert.True(underCharged.Count == 0, $"{underCharged.Count} admitted operations report an actualQueryCost above the requested one, e.g.:\n"
            + string.Join("\n", underCharged.Take(3).Select(m => $"actual {m.Actual}, requested {m.Points}: {Shorten(m.Query)}")));
        var over = admitted.Where(m => m.BytesPerPoint > MaxBytesPerPoint || m.ObjectsPerPoint > MaxObjectsPerPoint).ToList();
        Assert.True(over.Count == 0, $"{over.Count} admitted operations return more than {MaxBytesPerPoint} bytes or {MaxObjectsPerPoint} objects per point, e.g.:\n"
            + string.Join("\n", over.Take(3).Select(m => $"{m.Bytes} bytes, {m.Objects} objects for {m.Points} points: {Shorten(m.Query)}")));
    }

    [Fact]
    public async Task Thirty_aliases_of_the_long_series_are_refused_for_their_cost_not_charged_ten_each()
    {
        var query = "{" + string.Concat(Enumerable.Range(0, 30).Select(i =>
            $" a{i}: project(slug: \"{LongSeriesServer.SyntheticProject}\") {{ tokenPrices {{ id date priceUsd quote source {{ id }} }} }}")) + " }";

        var body = await server.Client.PostAsync(query);

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("QUERY_TOO_COMPLEX", error.GetProperty("extensions").GetProperty("code").GetString());
        // Each alias alone costs more than the maximum, so counting stops at the first (their sum is not formed).
        Assert.True(error.GetProperty("extensions").GetProperty("atLeast").GetInt64() >= LongSeriesServer.SyntheticDays);
    }

    [Fact]
    public async Task A_window_on_the_long_series_is_charged_by_its_days()
    {
        var to = LongSeriesServer.SyntheticLastDay;
        var from = to.AddDays(-299);
        var body = await server.Client.PostAsync(
            $"{{ project(slug: \"{LongSeriesServer.SyntheticProject}\") {{ tokenPrices(from: \"{from:yyyy-MM-dd}\", to: \"{to:yyyy-MM-dd}\") {{ date }} }} }}");

        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        var returned = body.GetProperty("data").GetProperty("project").GetProperty("tokenPrices").GetArrayLength();
        var cost = body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64();
        Assert.Equal(300, returned);
        Assert.InRange(cost, 300, 1_000);
    }

    [Fact]
    public async Task One_standard_introspection_query_is_cheap_and_thirty_schema_copies_are_refused_at_a_lower_bound_of_their_cost()
    {
        var one = await server.Client.PostAsync(GraphQLJsIntrospection.Query);
        const string fragment = " fragment T on __Type { name description fields { name description type { name ofType { name } } } }";
        var single = await server.Client.PostAsync("{ __schema { types { ...T } } }" + fragment);
        var thirty = await server.Client.PostAsync("{" + string.Concat(Enumerable.Range(0, 30).Select(i => $" s{i}: __schema {{ types {{ ...T }} }}")) + " }" + fragment);

        var standardCost = Cost(one);
        output.WriteLine($"standard introspection query: {standardCost} points, {one.GetRawText().Length} bytes");
        output.WriteLine($"one __schema with a two-level fragment: {Cost(single)} points, {single.GetRawText().Length} bytes; thirty: {Cost(thirty)} points");
        Assert.False(one.TryGetProperty("errors", out _));
        Assert.InRange(standardCost, 10, 250);
        // Thirty copies cost more than the maximum: counting stops once that is certain, and the refusal reports
        // what was counted by then as a lower bound, never more than thirty copies cost.
        var refusal = Assert.Single(thirty.GetProperty("errors").EnumerateArray()).GetProperty("extensions");
        Assert.Equal("QUERY_TOO_COMPLEX", refusal.GetProperty("code").GetString());
        Assert.InRange(Cost(thirty), refusal.GetProperty("limit").GetInt64() + 1, 30 * Cost(single));
        Assert.Equal(Cost(thirty), refusal.GetProperty("atLeast").GetInt64());
    }

    [Fact]
    public async Task An_alias_longer_than_the_limit_is_refused_before_anything_runs()
    {
        var body = await server.Client.PostAsync("{ revenue { " + new string('a', 33) + ": citation } }");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("ALIAS_TOO_LONG", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(32, error.GetProperty("extensions").GetProperty("limit").GetInt32());
        Assert.Equal(33, error.GetProperty("extensions").GetProperty("actual").GetInt32());
    }

    private static long Cost(JsonElement body) =>
        body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64();

    private IEnumerable<GeneratedQuery> Operations()
    {
        foreach (var query in CompilableQueryGenerator.Compilable(server.Vocabulary, GeneratedSeed, GeneratedCount)) yield return query;
        foreach (var (_, query) in CompilableQueryGenerator.JustOutside(server.Vocabulary, OutsideSeed, 40 * OutsideSubsetElement.All.Count))
            yield return query;
        foreach (var query in HandMade()) yield return new GeneratedQuery(query, null);
        foreach (var query in RefusedArguments()) yield return query;
    }

    /// <summary>
    /// Field errors that quote what the client sent: one long variable given to thirty aliases is thirty errors, each
    /// quoting it, in characters that JSON escapes to 12 bytes each.
    /// </summary>
    private static IEnumerable<GeneratedQuery> RefusedArguments()
    {
        foreach (var text in new[] { new string('m', 4_000), string.Concat(Enumerable.Repeat("\U0001F600", 4_000)) })
        {
            var variables = new System.Text.Json.Nodes.JsonObject { ["m"] = text };
            yield return new GeneratedQuery("query($m: String) {" + string.Concat(Enumerable.Range(0, 30).Select(i =>
                $" p{i}: project(slug: \"helium\") {{ metrics(metric: $m) {{ id }} }}")) + " }", variables);
            yield return new GeneratedQuery("query($m: String) { projects(first: 1, filter: { search: $m }) { nodes { slug } } }", variables);
        }
    }

    /// <summary>What the generator does not reach: deep screening and analytics, introspection, windows on the long series.</summary>
    private static IEnumerable<string> HandMade()
    {
        const string source = "source { id publisher title publishedOn publishedLabel kind url }";
        const string stated = $"figureId scope period metric value unit basis qualifier {source} quote";
        yield return GraphQLJsIntrospection.Query;
        yield return "{ __type(name: \"Project\") { name description fields { name description args { name description type { name } } } } }";
        yield return "{" + string.Concat(Enumerable.Range(0, 30).Select(i => $" t{i}: __type(name: \"Query\") {{ name }}")) + " }";
        // The longest descriptions of the schema (every root field's asOf) with as few other objects as can carry them.
        yield return "{ __type(name: \"Query\") { fields { args { description } } } }";
        yield return $"{{ sectorAnalytics {{ revenueMultiples {{ marketCap {{ quote {source} }} revenue {{ quote {source} }} }} }} }}";
        yield return "{" + string.Concat(Enumerable.Range(0, 30).Select(i => $" t{i}: __type(name: \"RevenueMetric\") {{ enumValues {{ name description }} }}")) + " }";
        yield return "{" + string.Concat(Enumerable.Range(0, 3).Select(i => $" s{i}: __schema {{ types {{ name description fields {{ name description }} }} }}")) + " }";
        yield return $"{{ screening {{ methodologyVersion weights {{ id name weight }} projects {{ project name composite compositeArithmetic missingComponents components {{ id name score arithmetic missing inputs {{ role table figureId value label asOf basis {source} quote }} }} }} }} }}";
        yield return $"{{ sectorAnalytics {{ revenue {{ quarter metric totalUsd projects {{ project name amountUsd share figureId basis {source} quote }} statedTotal {{ {stated} }} statedTop3Share {{ {stated} }} }} impliedPrices {{ project date priceUsd change1y impliedPriceUsd arithmetic figureId {source} quote }} revenueMultiples {{ scope period multiple arithmetic marketCap {{ {stated} }} revenue {{ {stated} }} }} }} }}";
        yield return $"{{ sectors {{ sector projectCount projects {{ slug name description screening {{ composite components {{ id inputs {{ figureId {source} quote }} }} }} }} analytics {{ revenue {{ quarter projects {{ project {source} quote }} }} }} }} }}";
        yield return "{" + string.Concat(Enumerable.Range(0, 30).Select(i => $" p{i}: project(slug: \"helium\") {{ slug name description website latestPrice {{ id quote {source} }} screening {{ compositeArithmetic rankNote }} }}")) + " }";
        yield return "{" + string.Concat(Enumerable.Range(0, 30).Select(i => $" m{i}: meta {{ dataVersion importedAt }}")) + " }";
        for (var days = 1; days <= 1_000; days *= 3)
        {
            var to = LongSeriesServer.SyntheticLastDay;
            yield return $"{{ project(slug: \"{LongSeriesServer.SyntheticProject}\") {{ tokenPrices(from: \"{to.AddDays(1 - days):yyyy-MM-dd}\", to: \"{to:yyyy-MM-dd}\") {{ id project tokenSymbol date priceUsd change30d basis qualifier {source} quote }} }} }}";
        }
        yield return $"{{ tokenPrices(date: \"{LongSeriesServer.SyntheticLastDay:yyyy-MM-dd}\") {{ id date quote {source} }} }}";
        foreach (var query in AliasedCopies()) yield return query;
    }

    /// <summary>Aliases of fields that cost nothing of their own, each thirty times: leaves, embedded objects, a connection's lists.</summary>
    private static IEnumerable<string> AliasedCopies()
    {
        static string Copies(string selection, int count = 30) =>
            string.Concat(Enumerable.Range(0, count).Select(i => $" c{i}: {selection}"));
        var to = LongSeriesServer.SyntheticLastDay;
        yield return $"{{ revenue {{ {Copies("citation")} }} }}";
        yield return $"{{ revenue {{ {Copies("source { id publisher title url }")} }} }}";
        yield return $"{{ revenue {{ id {Copies("quote")} {Copies("__typename", 10)} }} }}";
        yield return $"{{ projects(first: 100) {{ nodes {{ {Copies("description")} }} }} }}";
        yield return $"{{ projects(first: 100) {{ {Copies("nodes { slug name description website }", 10)} edges {{ cursor node {{ slug }} }} }} }}";
        yield return $"{{ changes(first: 100) {{ nodes {{ id }} edges {{ cursor node {{ id }} }} {Copies("pageInfo { hasNextPage endCursor }")} }} }}";
        yield return $"{{ project(slug: \"{LongSeriesServer.SyntheticProject}\") {{ tokenPrices(from: \"{to.AddDays(-29):yyyy-MM-dd}\", to: \"{to:yyyy-MM-dd}\") {{ {Copies("citation")} }} }} }}";
        yield return $"{{ {Copies("__typename")} meta {{ {Copies("dataVersion")} }} }}";
        yield return $"{{ screening(sector: COMPUTE) {{ {Copies("rankingRule")} }} }}";
        yield return $"{{ __schema {{ types {{ fields {{ {Copies("description")} }} }} }} }}";
        // Copies spread over repeats of one field, which execution merges into one object.
        yield return "{ projects(first: 7) { " + string.Concat(Enumerable.Range(0, 30).Select(i => $"nodes {{ d{i}: description }} ")) + "} }";
        yield return "{ revenue { " + string.Concat(Enumerable.Range(0, 30).Select(i => $"source {{ t{i}: title }} ")) + "} }";
        // Connections with empty pages, which still answer their count and page information.
        yield return "{" + string.Concat(Enumerable.Range(0, 15).Select(i => $" c{i}: projects(first: 0) {{ ...F }}")) + " }"
                     + " fragment F on ProjectConnection { __typename pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } totalCount }";
        // Every scalar of a revenue figure renamed with the longest alias allowed (32 characters).
        yield return "{ revenue { " + string.Concat(new[] { "id", "project", "quarter", "metric", "amountUsd", "basis", "qualifier", "quote", "citation", "permalink", "preferred", "__typename" }
            .Select((f, i) => $"{new string((char)('a' + i), 32)}: {f} ")) + "} }";
        // Introspection's longest texts with a __typename on every object.
        yield return "{ __type(name: \"Query\") { __typename name kind description specifiedByURL fields(includeDeprecated: true) { __typename name description isDeprecated deprecationReason args { __typename name description defaultValue isDeprecated deprecationReason } } } }";
        yield return $"{{ __type(name: \"Query\") {{ fields {{ args {{ {Copies("description")} }} }} }} }}";
        yield return $"{{ sectors {{ projects {{ {Copies("description")} ...D }} }} }} fragment D on Project {{ {Copies("description")} d: description }}";
    }

    private async Task<Measurement> MeasureAsync(GeneratedQuery operation)
    {
        using var response = await server.Client.SendPostAsync(operation.Query, operation.Variables);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        var root = body.RootElement;
        var cost = root.GetProperty("extensions").GetProperty("cost");
        var requested = cost.GetProperty("requestedQueryCost").GetInt64();
        var admitted = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
        return new Measurement(operation.Query, admitted, System.Text.Encoding.UTF8.GetByteCount(text), admitted ? Objects(data) : 0,
            Math.Max(1, requested), cost.GetProperty("actualQueryCost").GetInt64());
    }

    /// <summary>Every JSON object below <c>data</c>: list items and single objects alike.</summary>
    private static long Objects(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().Sum(p => (p.Value.ValueKind == JsonValueKind.Object ? 1 : 0) + Objects(p.Value)),
        JsonValueKind.Array => value.EnumerateArray().Sum(item => (item.ValueKind == JsonValueKind.Object ? 1 : 0) + Objects(item)),
        _ => 0,
    };

    private static string Shorten(string query) => query.Length <= 300 ? query : query[..300] + "…";

    private sealed record Measurement(string Query, bool Admitted, long Bytes, long Objects, long Points, long Actual)
    {
        public double BytesPerPoint => (double)Bytes / Points;

        public double ObjectsPerPoint => (double)Objects / Points;
    }
}
