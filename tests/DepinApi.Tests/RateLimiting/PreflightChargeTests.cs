using System.Net;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// CORS preflights are answered in the CORS stage, which runs before the rate limiter: a browser app on another
/// origin pays for its requests, not for the preflights the browser sends before them, whatever they are answered.
/// </summary>
public class PreflightChargeTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    [Fact]
    public async Task Preflights_are_answered_without_spending_the_budget()
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits());

        // More preflights than the budget of 3 points holds.
        for (var i = 0; i < 6; i++)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, i % 2 == 0 ? "/graphql" : "/v1/projects");
            preflight.Headers.Add("Origin", "https://dashboard.example");
            preflight.Headers.Add("Access-Control-Request-Method", i % 2 == 0 ? "POST" : "GET");
            using var response = await api.Client.SendAsync(preflight);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        using var charged = await api.GetAsync("/test/charge?cost=1");

        Assert.Equal(HttpStatusCode.OK, charged.StatusCode);
        Assert.Equal("2", Header(charged, "RateLimit-Remaining"));
    }

    [Theory]
    [InlineData("/v1/projects", "DELETE")]
    [InlineData("/v1/nonexistent", "GET")]
    [InlineData("/graphql", "PUT")]
    [InlineData("/graphql", "DELETE")]
    [InlineData("/healthz", "DELETE")]
    [InlineData("/openapi/v1.json", "DELETE")]
    [InlineData("/docs", "GET")]
    [InlineData("/pages/assets/pages.css", "POST")]
    public async Task A_preflight_costs_no_points_whatever_it_is_answered(string url, string method)
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits());

        // More preflights than the budget of 3 points holds.
        for (var i = 0; i < 4; i++)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, url);
            preflight.Headers.Add("Origin", "https://dashboard.example");
            preflight.Headers.Add("Access-Control-Request-Method", method);
            using var response = await api.Client.SendAsync(preflight);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit-Cost"), $"{url} {method}: {(int)response.StatusCode} was charged");
        }
        using var charged = await api.GetAsync("/test/charge?cost=1");

        Assert.Equal("2", Header(charged, "RateLimit-Remaining"));
    }
}
