using System.Net;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL;

/// <summary>Every response reports its cost Shopify-style; the rate limiter charges a request by its cost.</summary>
public class CostExtensionTests : IAsyncLifetime
{
    private ApiFactory _factory = null!;
    private GraphQLClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PointsPerWindow"] = "300",
            ["RateLimiting:Anonymous:BurstPoints"] = "300",
            // 300 points a day refill: nothing measurable while a test runs.
            ["RateLimiting:WindowSeconds"] = "86400",
            ["GraphQL:MaxCost"] = "250",
            ["GraphQL:CacheEnabled"] = "false",
        });
        _client = new GraphQLClient(_factory.CreateClient());
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Responses_carry_requested_and_actual_cost_and_the_throttle_status_and_pay_by_cost()
    {
        var first = await _client.PostAsync("{ projects(first: 20) { nodes { slug } } }");
        var cost = first.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(20, cost.GetProperty("requestedQueryCost").GetInt64());
        Assert.Equal(7, cost.GetProperty("actualQueryCost").GetInt64());
        var throttle = cost.GetProperty("throttleStatus");
        Assert.Equal(300, throttle.GetProperty("maximumAvailable").GetInt64());
        Assert.Equal(280, throttle.GetProperty("currentlyAvailable").GetInt64());
        Assert.Equal(300 / 86400.0, throttle.GetProperty("restoreRate").GetDouble(), 12);

        var second = await _client.PostAsync("{ projects(first: 50) { nodes { slug } } rateLimit { limit cost remaining resetAt restoreRate } }");
        var rateLimit = second.GetProperty("data").GetProperty("rateLimit");
        Assert.Equal(300, rateLimit.GetProperty("limit").GetInt32());
        // 50 projects, and a point for the rateLimit object.
        Assert.Equal(51, rateLimit.GetProperty("cost").GetInt32());
        Assert.Equal(229, rateLimit.GetProperty("remaining").GetInt32());
        Assert.Equal(300 / 86400.0, rateLimit.GetProperty("restoreRate").GetDouble(), 12);
        // Full again after the 71 points spent refill, at 300 a day: about 5.7 hours.
        var full = rateLimit.GetProperty("resetAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(full.TotalHours, 5.5, 5.8);
        Assert.Equal(229, second.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetInt64());
    }

    [Fact]
    public async Task The_rate_limit_field_reports_what_the_request_was_charged_when_its_size_costs_more_than_its_query()
    {
        // 5 KB of comment: priced by its size at 512 bytes a point, far above its query cost of 1.
        using var response = await _client.SendPostAsync("{ rateLimit { cost remaining } } #" + new string('x', 5_000));
        var body = await GraphQLClient.ReadAsync(response);

        var charged = int.Parse(string.Join(",", response.Headers.GetValues("RateLimit-Cost")));
        Assert.True(charged >= 10, $"charged {charged}");
        var rateLimit = body.GetProperty("data").GetProperty("rateLimit");
        Assert.Equal(charged, rateLimit.GetProperty("cost").GetInt32());
        Assert.Equal(300 - charged, rateLimit.GetProperty("remaining").GetInt32());
        Assert.Equal(1, body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64());
    }

    [Fact]
    public async Task A_projects_lists_are_charged_by_the_longest_such_list_in_the_data()
    {
        var body = await _client.PostAsync("{ projects(first: 20) { nodes { revenue { id } latestPrice { id } } } }");

        // One data version: the longest revenue series of any project is the bound, and the latest price a point.
        var longest = body.GetProperty("data").GetProperty("projects").GetProperty("nodes").EnumerateArray()
            .Max(p => p.GetProperty("revenue").GetArrayLength());
        Assert.True(longest > 1);
        Assert.Equal(20 + 20 * (longest + 1), body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64());
    }

    [Fact]
    public async Task Requests_that_do_not_run_still_carry_the_cost_extension()
    {
        var syntaxError = await _client.PostAsync("{ projects(first: 1) ");
        var invalid = await _client.PostAsync("{ nope }");

        foreach (var body in new[] { syntaxError, invalid })
        {
            var cost = body.GetProperty("extensions").GetProperty("cost");
            Assert.Equal(0, cost.GetProperty("actualQueryCost").GetInt64());
            Assert.Equal(JsonValueKind.Object, cost.GetProperty("throttleStatus").ValueKind);
        }
    }

    [Fact]
    public async Task A_query_over_the_cost_limit_says_which_limit_and_by_how_much()
    {
        // 100 projects, each with its screening (a point) and the methodology's seven components.
        var body = await _client.PostAsync("{ projects(first: 100) { nodes { screening { components { id } } } } }");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("QUERY_TOO_COMPLEX", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Query cost 900 exceeds the maximum of 250 by 650.", error.GetProperty("message").GetString());
        Assert.Equal(900, body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64());
    }

    [Fact]
    public async Task A_query_too_costly_to_count_reports_the_cost_at_which_counting_stopped()
    {
        // Each fragment selects meta (a point) and spreads the next two: the cost nearly doubles at every link, and
        // 50 links cost 25,172,538,049 (100 links 7 × 10^20, more than a 64-bit count holds), which counting never
        // reaches. (Longer chains are refused sooner: checking that their fields can be merged takes more comparisons
        // than the document's length allows.)
        const int links = 50;
        var fragments = string.Concat(Enumerable.Range(0, links).Select(i => i + 2 < links
            ? $"fragment f{i} on Query {{ meta {{ dataVersion }} ...f{i + 1} ...f{i + 2} }}\n"
            : $"fragment f{i} on Query {{ meta {{ dataVersion }} }}\n"));

        var body = await _client.PostAsync("{ ...f0 }\n" + fragments);

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("QUERY_TOO_COMPLEX", extensions.GetProperty("code").GetString());
        Assert.False(extensions.TryGetProperty("actual", out _));
        var atLeast = extensions.GetProperty("atLeast").GetInt64();
        // The first fragment past 250 costs 287 (its point and the next two, 177 + 109); from there each fragment
        // adds its own point to the larger of the next two, rather than their sum.
        Assert.Equal(502, atLeast);
        Assert.Equal($"Query cost is at least {atLeast:N0} (counting stopped there), which exceeds the maximum of 250.",
            error.GetProperty("message").GetString());
        Assert.Equal(atLeast, body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64());
    }

    [Fact]
    public async Task A_query_runs_from_a_positive_balance_into_debt_and_the_next_request_waits_for_the_refill()
    {
        const string costly = "{ projects(first: 100) { nodes { slug } } a: projects(first: 100) { nodes { slug } } }";
        // 300 points: the first query of cost 200 leaves 100, and the second runs from those 100 into debt.
        using var first = await _client.SendPostAsync(costly);
        using var second = await _client.SendPostAsync(costly);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var throttle = (await GraphQLClient.ReadAsync(second)).GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus");
        Assert.Equal(0, throttle.GetProperty("currentlyAvailable").GetInt64());
        Assert.Equal("200", string.Join(",", second.Headers.GetValues("RateLimit-Cost")));

        using var refused = await _client.SendPostAsync("{ meta { dataVersion } }");

        // 100 points of debt at 300 a day: positive again in 8 hours.
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalHours, 7.9, 8.1);
        Assert.Equal("0", string.Join(",", refused.Headers.GetValues("RateLimit-Remaining")));
        Assert.Equal("0", string.Join(",", refused.Headers.GetValues("RateLimit-Cost")));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("points-per-window", problem.GetProperty("limit").GetString());
    }
}
