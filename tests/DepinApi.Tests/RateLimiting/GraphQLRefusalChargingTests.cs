using System.Net.Http.Json;
using System.Text.Json;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// What a GraphQL request refused before it runs costs (docs/rate-limits.md, "What a refusal costs"): its admission
/// point and nothing more, whatever its query cost, so garbage stays limited without being charged as work.
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

    private RateLimitedApi Api() => new(database.ConnectionString, RateLimitedApi.SmallLimits(
        ("RateLimiting:Anonymous:PointsPerWindow", "1000"),
        ("GraphQL:MaxCost", "150"),
        ("GraphQL:CacheEnabled", "false")));

    private static Task<HttpResponseMessage> PostAsync(RateLimitedApi api, string query, string? variables)
    {
        var body = variables is null
            ? JsonSerializer.Serialize(new { query })
            : $$"""{"query":{{JsonSerializer.Serialize(query)}},"variables":{{variables}}}""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        return api.Client.SendAsync(request);
    }
}
