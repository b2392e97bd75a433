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
    public async Task A_cost_charged_on_one_replica_is_spent_on_the_other_and_the_debt_refills_by_the_shared_clock()
    {
        var (a, b) = await TwoReplicasAsync(("RateLimiting:Anonymous:PointsPerWindow", "10"));
        await using var _ = a;
        await using var __ = b;

        using var six = await a.GetAsync("/test/charge?cost=6");
        Assert.Equal(HttpStatusCode.OK, six.StatusCode);
        Assert.Equal("4", Header(six, "RateLimit-Remaining"));

        // From the 4 left, a cost of 5 runs into debt: 1 point owed.
        using var dear = await b.GetAsync("/test/charge?cost=5");
        Assert.Equal(HttpStatusCode.OK, dear.StatusCode);
        Assert.Equal("0", Header(dear, "RateLimit-Remaining"));
        var body = await dear.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, body.GetProperty("charged").GetInt64());

        using (var none = await a.GetAsync("/test/ok"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, none.StatusCode);
            // 1 point owed at 10 a minute: 6 s to zero, and a millisecond beyond.
            Assert.Equal("7", Header(none, "Retry-After"));
        }
        // The tests pass each host's clock to the scripts; both move together, as one clock.
        a.Clock.Advance(TimeSpan.FromSeconds(7));
        b.Clock.Advance(TimeSpan.FromSeconds(7));
        using var refilled = await a.GetAsync("/test/ok");
        Assert.Equal(HttpStatusCode.OK, refilled.StatusCode);
        using var again = await b.GetAsync("/test/ok");
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
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

        // A request Redis did not answer in time is counted in its own process; none may be, or the count is not shared.
        Assert.All(new[] { a, b }, api => Assert.Equal(0, ((RedisBudgetStore)api.Services.GetRequiredService<RateLimitLedger>().Store).UnavailableCount));
        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var response in responses)
            response.Dispose();
    }

    [Fact]
    public async Task The_bucket_lives_in_redis_under_the_configured_prefix_and_expires_once_it_would_be_full()
    {
        var redis = await TestRedis.Shared;
        var (a, b) = await TwoReplicasAsync();
        await using var _ = a;
        await using var __ = b;
        using var response = await a.GetAsync("/test/ok");

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var prefix = a.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DepinApi.Redis.RedisOptions>>().Value.KeyPrefix;
        var key = $"{prefix}rl:{{ip:{TestEndpoints.DefaultPeer}}}:bucket";
        var database = connection.GetDatabase();
        // 2 of 3 points left, in units of 1/60,000 point (the window in ms), at the host's clock.
        Assert.Equal(2 * 60_000, (long)await database.HashGetAsync(key, "b"));
        Assert.Equal(a.Clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)await database.HashGetAsync(key, "t"));
        // Full again in 20 s; kept a window beyond that, after which a missing bucket is a full one.
        var ttl = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value.TotalSeconds, 60, 80);
    }
}
