using System.Net;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// CORS preflights are answered by the CORS middleware, which runs before the rate limiter: a browser app on another
/// origin pays for its requests, not for the preflights the browser sends before them.
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
}
