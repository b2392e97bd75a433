using System.Net.Http.Json;
using System.Text.Json;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// What a GraphQL request refused before it runs costs (docs/rate-limits.md, "What a refusal costs"): its admission
/// point, or its document's price by size when that is more, and never its query cost, so garbage stays limited
/// without being charged as work it did not get.
/// </summary>
public class GraphQLRefusalChargingTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    // About 100 points by the cost limits: a page of 100 projects.
    private const string Expensive = "projects(first: 100) { nodes { slug } }";

    [Theory]
    [InlineData("missing variable", "query ($slug: String!) { " + Expensive + " project(slug: $slug) { slug } }", null)]
    [InlineData("variable of the wrong type", "query ($slug: String!) { " + Expensive + " project(slug: $slug) { slug } }", """{"slug":5}""")]
    [InlineData("no such operation", "query A { " + Expensive + " } query B { " + Expensive + " }", null)]
    [InlineData("too costly", "{ a: projects(first: 100) { nodes { slug } } b: projects(first: 100) { nodes { slug } } }", null)]
    [InlineData("invalid", "{ " + Expensive + " nope }", null)]
    [InlineData("syntax error", "{ " + Expensive, null)]
    public async Task A_request_refused_before_it_runs_costs_its_admission_point_only(string what, string query, string? variables)
    {
        await using var api = Api();

        using var refused = await PostAsync(api, query, variables);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(body.TryGetProperty("data", out _), what);
        Assert.Equal("999", Header(refused, "RateLimit-Remaining"));
        Assert.Equal(0, body.GetProperty("extensions").GetProperty("cost").GetProperty("actualQueryCost").GetInt64());

        // The same cost, admitted, is charged in full.
        using var admitted = await PostAsync(api, "{ " + Expensive + " }", null);
        var cost = (await admitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("extensions").GetProperty("cost")
            .GetProperty("requestedQueryCost").GetInt64();
        Assert.True(cost >= 50, $"cost {cost}");
        Assert.Equal((999 - cost).ToString(), Header(admitted, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_request_whose_root_fields_name_different_versions_costs_its_admission_point_only()
    {
        await using var api = Api();

        using var refused = await PostAsync(api, """{ project(slug: "helium", asOf: "1") { slug } projects(first: 100, asOf: "2") { nodes { slug } } }""", null);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("AS_OF_CONFLICT", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64() >= 50);
        Assert.Equal("1", Header(refused, "RateLimit-Cost"));
        Assert.Equal("999", Header(refused, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_long_refused_document_pays_its_size_and_an_admitted_one_the_larger_of_size_and_cost()
    {
        await using var api = Api();
        // 30 aliases of a cheap field, padded past 1,024 bytes: its price is 3 points at 512 bytes a point.
        var aliases = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"alias_number_{i:D2}: meta {{ dataVersion }}"));
        var document = "{ " + aliases + " }";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(document);
        Assert.InRange(bytes, 1025, 1536);

        using var refused = await PostAsync(api, document + " nope", null);
        Assert.Contains("nope", await refused.Content.ReadAsStringAsync());
        Assert.Equal("997", Header(refused, "RateLimit-Remaining"));

        // Admitted, it pays the larger of its price and its query cost...
        using var cheap = await PostAsync(api, document, null);
        var body = await cheap.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.TryGetProperty("data", out _));
        var cost = body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64();
        Assert.Equal((997 - Math.Max(3, cost)).ToString(), Header(cheap, "RateLimit-Remaining"));

        // ...and a short document of the same cost pays the cost alone.
        using var shortOne = await PostAsync(api, "{ " + Expensive + " }", null);
        var shortCost = (await shortOne.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("extensions").GetProperty("cost")
            .GetProperty("requestedQueryCost").GetInt64();
        Assert.Equal((997 - Math.Max(3, cost) - shortCost).ToString(), Header(shortOne, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task Variables_are_priced_by_size_with_the_document_so_a_huge_refused_input_object_is_not_one_point()
    {
        await using var api = Api();
        // An input object of 2,000 fields it does not have: each is an error of coercion, work that grows with them.
        var fields = string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"\"k{i}\":1"));
        var variables = "{\"f\":{" + fields + "}}";
        const string document = "query ($f: ProjectFilter) { projects(first: 1, filter: $f) { nodes { slug } } }";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(document) + System.Text.Encoding.UTF8.GetByteCount(variables);

        using var refused = await PostAsync(api, document, variables);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal((1000 - ((bytes + 511) / 512)).ToString(), Header(refused, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_document_over_the_length_limit_is_refused_for_its_length_not_charged_its_size()
    {
        await using var api = Api();
        var document = "{ meta { dataVersion } }" + new string(' ', 20_000);

        using var refused = await PostAsync(api, document, null);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("QUERY_TOO_LONG", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("999", Header(refused, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_document_within_the_length_limit_in_characters_pays_its_size_though_its_code_units_are_over_it()
    {
        await using var api = Api();
        // 10,000 emoji are 20,000 UTF-16 code units, over the 16,384 limit, but 10,000 characters, within it: the
        // engine reads the document, so it must pay its 40,000 bytes, not be priced as one refused unread.
        var document = "{ meta { dataVersion } } #" + string.Concat(Enumerable.Repeat("\U0001F600", 10_000));
        var bytes = System.Text.Encoding.UTF8.GetByteCount(document);

        using var admitted = await PostAsync(api, document, null);
        var body = await admitted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(body.TryGetProperty("data", out _), body.ToString());
        Assert.Equal((1000 - ((bytes + 511) / 512)).ToString(), Header(admitted, "RateLimit-Remaining"));
    }

    private RateLimitedApi Api() => new(database.ConnectionString, RateLimitedApi.SmallLimits(
        ("RateLimiting:Anonymous:PointsPerWindow", "1000"),
        ("GraphQL:MaxCost", "150"),
        ("GraphQL:CacheEnabled", "false")));

    private static Task<HttpResponseMessage> PostAsync(RateLimitedApi api, string query, string? variables) =>
        api.PostGraphQLAsync(query, variablesJson: variables);
}
