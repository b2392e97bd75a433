using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DepinApi.Tests.RateLimiting;

public class RateLimitResponseTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    private RateLimitedApi Api() => new(database.ConnectionString, RateLimitedApi.SmallLimits());

    [Fact]
    public async Task Admitted_responses_carry_the_budget_in_RateLimit_headers()
    {
        await using var api = Api();

        var remaining = new List<string>();
        var reset = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await api.GetAsync("/test/ok");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("3", Header(response, "RateLimit-Limit"));
            Assert.Equal("1", Header(response, "RateLimit-Cost"));
            Assert.False(response.Headers.Contains("Retry-After"));
            remaining.Add(Header(response, "RateLimit-Remaining"));
            reset.Add(Header(response, "RateLimit-Reset"));
        }

        Assert.Equal(["2", "1", "0"], remaining);
        // 3 points a minute refill one point every 20 s: the bucket is full again that long per point spent.
        Assert.Equal(["20", "40", "60"], reset);
    }

    [Fact]
    public async Task Over_the_budget_is_429_problem_json_with_Retry_After_naming_the_limit_and_its_reset()
    {
        await using var api = Api();
        // The burst of 3 spent at once, then a cost of 3 more from a balance of 1: 2 points of debt.
        for (var i = 0; i < 2; i++)
            (await api.GetAsync("/test/ok")).Dispose();
        using (var debt = await api.GetAsync("/test/charge?cost=3"))
        {
            Assert.Equal(HttpStatusCode.OK, debt.StatusCode);
            Assert.Equal("0", Header(debt, "RateLimit-Remaining"));
            Assert.Equal("3", Header(debt, "RateLimit-Cost"));
        }
        api.Clock.Advance(TimeSpan.FromSeconds(20));

        using var response = await api.GetAsync("/test/ok");

        // One point refilled of the two owed: one more, 20 s, brings it to zero, and a millisecond beyond above it.
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("21", Header(response, "Retry-After"));
        Assert.Equal("3", Header(response, "RateLimit-Limit"));
        Assert.Equal("0", Header(response, "RateLimit-Remaining"));
        Assert.Equal("0", Header(response, "RateLimit-Cost"));
        Assert.Equal("80", Header(response, "RateLimit-Reset"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/rate-limited", problem.GetProperty("type").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("points-per-window", problem.GetProperty("limit").GetString());
        Assert.Equal("2026-01-15T12:01:40Z", problem.GetProperty("resetAt").GetString());
        Assert.Equal(21, problem.GetProperty("retryAfterSeconds").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("client 192.0.2.1", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("3 points per 60 s, refilled continuously, at most 3 available at once", detail);
        // The instant and the delta name the same second: the balance is above zero a millisecond past 12:00:40.
        Assert.Contains("above zero, at 2026-01-15T12:00:41Z (in 21 s)", detail);
        Assert.Contains("back at 2026-01-15T12:01:40Z (in 80 s)", detail);
    }

    [Fact]
    public async Task The_budget_refills_continuously_and_never_beyond_the_burst()
    {
        await using var api = Api();
        for (var i = 0; i < 3; i++)
            (await api.GetAsync("/test/ok")).Dispose();
        using (var empty = await api.GetAsync("/test/ok"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, empty.StatusCode);
            Assert.Equal("1", Header(empty, "Retry-After"));
        }

        // 20 s refill one point: one request, and the next is refused.
        api.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await Statuses(api, 2));

        // 40 s refill two.
        api.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await Statuses(api, 3));

        // An hour away refills the bucket, and no more than the bucket.
        api.Clock.Advance(TimeSpan.FromHours(1));
        using (var full = await api.GetAsync("/test/ok"))
        {
            Assert.Equal("2", Header(full, "RateLimit-Remaining"));
            Assert.Equal("20", Header(full, "RateLimit-Reset"));
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await Statuses(api, 3));
    }

    private static async Task<HttpStatusCode[]> Statuses(RateLimitedApi api, int count)
    {
        var statuses = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
            using (var response = await api.GetAsync("/test/ok"))
                statuses[i] = response.StatusCode;
        return statuses;
    }

    [Fact]
    public async Task A_refused_request_costs_nothing()
    {
        await using var api = Api();
        for (var i = 0; i < 10; i++)
            (await api.GetAsync("/test/ok")).Dispose();

        api.Clock.Advance(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 3; i++)
            using (var response = await api.GetAsync("/test/ok"))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_are_limited_too_so_scanning_costs_budget()
    {
        await using var api = Api();
        for (var i = 0; i < 3; i++)
            using (var response = await api.GetAsync("/no-such-page"))
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        using var limited = await api.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_endpoints_are_exempt_and_carry_no_budget(string path)
    {
        await using var api = Api();
        for (var i = 0; i < 3; i++)
            (await api.GetAsync("/test/ok")).Dispose();

        for (var i = 0; i < 5; i++)
        {
            using var response = await api.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit-Limit"));
        }
        using var limited = await api.GetAsync("/test/ok");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Exempt_paths_match_whole_segments_only()
    {
        await using var api = Api();
        for (var i = 0; i < 3; i++)
            (await api.GetAsync("/healthzz")).Dispose();

        using var limited = await api.GetAsync("/healthzz");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Switched_off_there_is_no_limit_and_no_header()
    {
        await using var api = new RateLimitedApi(database.ConnectionString,
            RateLimitedApi.SmallLimits(("RateLimiting:Enabled", "false")));

        for (var i = 0; i < 10; i++)
        {
            using var response = await api.GetAsync("/test/ok");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit-Limit"));
        }
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "(missing)";
}
