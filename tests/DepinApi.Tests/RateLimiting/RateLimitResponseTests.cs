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
        for (var i = 0; i < 3; i++)
        {
            using var response = await api.GetAsync("/test/ok");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("3", Header(response, "RateLimit-Limit"));
            Assert.Equal("60", Header(response, "RateLimit-Reset"));
            Assert.False(response.Headers.Contains("Retry-After"));
            remaining.Add(Header(response, "RateLimit-Remaining"));
        }

        Assert.Equal(["2", "1", "0"], remaining);
    }

    [Fact]
    public async Task Over_the_budget_is_429_problem_json_with_Retry_After_naming_the_limit_and_its_reset()
    {
        await using var api = Api();
        for (var i = 0; i < 3; i++)
            (await api.GetAsync("/test/ok")).Dispose();
        api.Clock.Advance(TimeSpan.FromSeconds(20));

        using var response = await api.GetAsync("/test/ok");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("40", Header(response, "Retry-After"));
        Assert.Equal("3", Header(response, "RateLimit-Limit"));
        Assert.Equal("0", Header(response, "RateLimit-Remaining"));
        Assert.Equal("40", Header(response, "RateLimit-Reset"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/rate-limited", problem.GetProperty("type").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("points-per-window", problem.GetProperty("limit").GetString());
        Assert.Equal("2026-01-15T12:01:00Z", problem.GetProperty("resetAt").GetString());
        Assert.Equal(40, problem.GetProperty("retryAfterSeconds").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("client 192.0.2.1", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("3 points per 60 s", detail);
        Assert.Contains("2026-01-15T12:01:00Z (in 40 s)", detail);
    }

    [Fact]
    public async Task The_whole_budget_returns_when_the_window_ends_and_not_before()
    {
        await using var api = Api();
        for (var i = 0; i < 3; i++)
            (await api.GetAsync("/test/ok")).Dispose();

        api.Clock.Advance(TimeSpan.FromSeconds(59));
        using (var stillLimited = await api.GetAsync("/test/ok"))
            Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);

        api.Clock.Advance(TimeSpan.FromSeconds(1));
        using var reset = await api.GetAsync("/test/ok");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("2", Header(reset, "RateLimit-Remaining"));
        Assert.Equal("60", Header(reset, "RateLimit-Reset"));
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
