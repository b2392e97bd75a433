using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

public class RateLimitConcurrencyTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    [Fact]
    public async Task Requests_beyond_the_concurrency_limit_are_refused_at_once_and_admitted_again_when_one_finishes()
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits(
            ("RateLimiting:Anonymous:PointsPerWindow", "10")));
        var held = new[] { api.GetAsync("/test/hold"), api.GetAsync("/test/hold") };
        await WaitUntil(() => api.Endpoints.Held == 2);

        using (var third = await api.GetAsync("/test/ok"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Equal("1", Header(third, "Retry-After"));
            var problem = await third.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("concurrent-requests", problem.GetProperty("limit").GetString());
            Assert.Contains("2 requests in flight", problem.GetProperty("detail").GetString());
        }
        using (var otherClient = await api.GetAsync("/test/ok", peer: "198.51.100.77"))
            Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);

        api.Endpoints.Gate.SetResult();
        foreach (var response in await Task.WhenAll(held))
            using (response)
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = await api.GetAsync("/test/ok");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        // Two held requests and this one paid; the refused one did not.
        Assert.Equal("7", Header(after, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task Fifty_parallel_requests_never_get_more_than_the_budget_admitted()
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits(
            ("RateLimiting:Anonymous:PointsPerWindow", "20"),
            ("RateLimiting:Anonymous:ConcurrentRequests", "100")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => api.GetAsync("/test/ok"))));

        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(responses, r => Assert.InRange(int.Parse(Header(r, "RateLimit-Remaining")), 0, 19));
        foreach (var response in responses)
            response.Dispose();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        // Waits for the server side to reach a state; the bound only keeps a broken build from hanging the run.
        for (var i = 0; i < 2_000 && !condition(); i++)
            await Task.Delay(5);
        Assert.True(condition());
    }
}
