using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.RateLimiting;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// Two API hosts over one Redis (<c>ConnectionStrings:Redis</c>), as two replicas behind a balancer: one client has
/// one budget and one in-flight cap between them, and each host's headers report the shared figures.
/// </summary>
public class SharedBudgetTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    private async Task<(RateLimitedApi A, RateLimitedApi B)> TwoReplicasAsync(params (string Key, string? Value)[] more)
    {
        var redis = await TestRedis.Shared;
        var settings = RateLimitedApi.SmallLimits([.. more, .. redis.ReplicaSettings()]);
        return (new RateLimitedApi(database.ConnectionString, settings), new RateLimitedApi(database.ConnectionString, settings));
    }

    [Fact]
    public async Task Two_replicas_charge_one_budget_and_report_the_shared_remainder()
    {
        var (a, b) = await TwoReplicasAsync();
        await using var _ = a;
        await using var __ = b;
        Assert.IsType<RedisBudgetStore>(a.Services.GetRequiredService<RateLimitLedger>().Store);

        using var first = await a.GetAsync("/test/ok");
        using var second = await b.GetAsync("/test/ok");
        using var third = await a.GetAsync("/test/ok");
        using var fourth = await b.GetAsync("/test/ok");

        Assert.Equal(["2", "1", "0"], new[] { first, second, third }.Select(r => Header(r, "RateLimit-Remaining")));
        Assert.All(new[] { first, second, third }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("3", Header(fourth, "RateLimit-Limit"));
        Assert.Equal("0", Header(fourth, "RateLimit-Remaining"));
        var reset = int.Parse(Header(fourth, "RateLimit-Reset"));
        Assert.InRange(reset, 1, 60);
        var problem = await fourth.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("points-per-window", problem.GetProperty("limit").GetString());
        // Another client has a budget of its own.
        using var other = await b.GetAsync("/test/ok", peer: "198.51.100.9");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_cost_charged_on_one_replica_is_spent_on_the_other_and_a_refused_cost_spends_nothing()
    {
        var (a, b) = await TwoReplicasAsync(("RateLimiting:Anonymous:PointsPerWindow", "10"));
        await using var _ = a;
        await using var __ = b;

        using var six = await a.GetAsync("/test/charge?cost=6");
        Assert.Equal(HttpStatusCode.OK, six.StatusCode);
        Assert.Equal("4", Header(six, "RateLimit-Remaining"));

        using var tooDear = await b.GetAsync("/test/charge?cost=5");
        Assert.Equal(HttpStatusCode.TooManyRequests, tooDear.StatusCode);
        // Its admission point was paid; the other 4 were refused, so 3 are left.
        Assert.Equal("3", Header(tooDear, "RateLimit-Remaining"));
        var body = await tooDear.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("remaining").GetInt64());

        using var three = await b.GetAsync("/test/charge?cost=3&repeat=3");
        Assert.Equal(HttpStatusCode.OK, three.StatusCode);
        Assert.Equal("0", Header(three, "RateLimit-Remaining"));
        using var none = await a.GetAsync("/test/ok");
        Assert.Equal(HttpStatusCode.TooManyRequests, none.StatusCode);
    }

    [Fact]
    public async Task The_in_flight_cap_is_shared_and_a_finished_request_gives_its_place_back()
    {
        var (a, b) = await TwoReplicasAsync(("RateLimiting:Anonymous:PointsPerWindow", "10"));
        await using var _ = a;
        await using var __ = b;
        var held = new[] { a.GetAsync("/test/hold"), b.GetAsync("/test/hold") };
        await Poll.UntilAsync(() => Task.FromResult(a.Endpoints.Held == 1 && b.Endpoints.Held == 1), "both held requests arrive");

        using (var third = await a.GetAsync("/test/ok"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            var problem = await third.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("concurrent-requests", problem.GetProperty("limit").GetString());
        }

        a.Endpoints.Gate.SetResult();
        b.Endpoints.Gate.SetResult();
        foreach (var response in await Task.WhenAll(held))
            using (response)
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The release is sent without waiting for Redis's answer; the next request may race it.
        await Poll.UntilAsync(async () =>
        {
            using var after = await b.GetAsync("/test/ok");
            return after.StatusCode == HttpStatusCode.OK;
        }, "the places are given back");
    }

    [Fact]
    public async Task Fifty_parallel_requests_over_two_replicas_never_get_more_than_the_budget_admitted()
    {
        var (a, b) = await TwoReplicasAsync(
            ("RateLimiting:Anonymous:PointsPerWindow", "20"),
            ("RateLimiting:Anonymous:ConcurrentRequests", "100"));
        await using var _ = a;
        await using var __ = b;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).GetAsync("/test/ok"))));

        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var response in responses)
            response.Dispose();
    }

    [Fact]
    public async Task The_window_lives_in_redis_under_the_configured_prefix_and_expires_with_the_window()
    {
        var redis = await TestRedis.Shared;
        var (a, b) = await TwoReplicasAsync();
        await using var _ = a;
        await using var __ = b;
        using var response = await a.GetAsync("/test/ok");

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var prefix = a.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DepinApi.Redis.RedisOptions>>().Value.KeyPrefix;
        var key = $"{prefix}rl:{{ip:{TestEndpoints.DefaultPeer}}}:points";
        var database = connection.GetDatabase();
        Assert.Equal(1, (long)await database.StringGetAsync(key));
        var ttl = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value.TotalSeconds, 1, 60);
    }
}
