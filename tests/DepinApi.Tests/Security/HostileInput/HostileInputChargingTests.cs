using System.Globalization;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// Garbage is not free: with rate limiting on, every hostile request that reaches the API pays its admission point
/// like any other (docs/rate-limits.md), so a flood of malformed requests runs out of budget and gets 429s.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class HostileInputChargingTests(HostileInputApi api)
{
    private const int Budget = 10;

    [Fact]
    public async Task Each_hostile_request_pays_a_point_until_the_budget_is_spent()
    {
        var settings = HostileInputApi.Settings();
        settings["RateLimiting:Enabled"] = "true";
        settings["RateLimiting:WindowSeconds"] = "600";
        settings["RateLimiting:Anonymous:PointsPerWindow"] = Budget.ToString(CultureInfo.InvariantCulture);
        await using var limited = new ApiFactory(api.ConnectionString, settings);
        using var client = limited.CreateClient();

        HostileCase[] garbage =
        [
            new("SQL as a limit", () => new HttpRequestMessage(HttpMethod.Get, "/v1/projects?limit=" + Uri.EscapeDataString("1; DROP TABLE projects")), Expectation.Problem(400)),
            new("cyclic fragments", () => GraphQLRequests.Post("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), Expectation.GraphQLError(400)),
            new("NUL in a search", () => new HttpRequestMessage(HttpMethod.Get, "/v1/projects?q=%00"), Expectation.Problem(400)),
            new("batched array", () => GraphQLRequests.Body("[{\"query\":\"{ __typename }\"}]"), Expectation.GraphQLError(400)),
            new("invalid UTF-8 body", () => GraphQLRequests.Body([.. "{\"query\":\""u8, 0xFF, .. "\"}"u8]), Expectation.GraphQLError(400)),
        ];
        for (var i = 0; i < Budget; i++)
        {
            var hostile = garbage[i % garbage.Length];
            using var deadline = new CancellationTokenSource(HostileInputApi.RequestPatience);
            using var request = hostile.Request();
            using var response = await client.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            Assert.Null(hostile.Expect.Check((int)response.StatusCode, response.Content.Headers.ContentType, body));
            Assert.Equal((Budget - i - 1).ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("RateLimit-Remaining")));
        }

        // The balance is at zero now; a request is admitted while it is above zero, and the refill since the last one
        // (a point a minute here, so a fraction of a point) can admit one more, which takes it below zero.
        var refused = await client.GetAsync("/v1/projects?limit=-1", new CancellationTokenSource(HostileInputApi.RequestPatience).Token);
        if (refused.StatusCode != System.Net.HttpStatusCode.TooManyRequests)
        {
            Assert.Equal("0", Assert.Single(refused.Headers.GetValues("RateLimit-Remaining")));
            refused.Dispose();
            refused = await client.GetAsync("/v1/projects?limit=-1", new CancellationTokenSource(HostileInputApi.RequestPatience).Token);
        }
        using var _ = refused;
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Null(Expectation.Problem(429, "rate-limited").Check((int)refused.StatusCode, refused.Content.Headers.ContentType, problem));
    }
}
