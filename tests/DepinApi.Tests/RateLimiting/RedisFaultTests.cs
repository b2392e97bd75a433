using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.RateLimiting;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// The rate limiter while its Redis is killed, frozen and started again under traffic: no 5xx, requests decided in
/// process (or refused, when so configured) and counted, and shared counting again once Redis is back.
/// </summary>
public class RedisFaultTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    private static Dictionary<string, string?> Settings(TestRedis redis, params (string Key, string? Value)[] more) =>
        RateLimitedApi.SmallLimits([
            ("RateLimiting:Anonymous:PointsPerWindow", "100000"),
            ("RateLimiting:Anonymous:ConcurrentRequests", "100"),
            .. redis.ReplicaSettings(),
            ("RateLimiting:RedisRetrySeconds", "1"),
            .. more]);

    [Fact]
    public async Task Killed_redis_falls_back_to_per_process_limits_without_a_5xx_and_sharing_resumes_when_it_is_back()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var api = new RateLimitedApi(database.ConnectionString, Settings(redis));
        var store = (RedisBudgetStore)api.Services.GetRequiredService<RateLimitLedger>().Store;
        await using var traffic = new Traffic(api);

        await traffic.UntilMoreAsync(20);
        Assert.Equal(0, store.UnavailableCount);
        await redis.StopAsync();
        var fallbacksBefore = store.UnavailableCount;
        await traffic.UntilMoreAsync(50);
        Assert.True(store.UnavailableCount >= fallbacksBefore + 40, $"{store.UnavailableCount} requests decided without Redis");
        Assert.True(store.Failing);

        await redis.RestartAsync();
        await Poll.UntilAsync(async () =>
        {
            api.Clock.Advance(TimeSpan.FromSeconds(2));
            var before = store.UnavailableCount;
            using var probe = await api.GetAsync("/test/ok");
            return probe.StatusCode == HttpStatusCode.OK && store.UnavailableCount == before && !store.Failing;
        }, "requests are counted in Redis again");
        // The restarted Redis started empty: what it holds now was counted after it came back. The burst is the whole
        // 100,000 a minute; the test's clock is passed to Redis and stands still meanwhile. Polled while the traffic
        // goes on: requests already past the budget check when Redis came back were decided without it.
        await traffic.UntilMoreAsync(10);
        await Poll.UntilAsync(async () => await redis.SpentPointsAsync(100_000, 60_000) >= 10, "ten points spent in the restarted Redis");

        var statuses = await traffic.StopAsync();
        Assert.All(statuses, s => Assert.Equal(200, s));
    }

    [Fact]
    public async Task Frozen_redis_costs_each_request_at_most_the_timeout_once_and_then_is_left_alone_until_the_retry()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var api = new RateLimitedApi(database.ConnectionString, Settings(redis, ("Redis:TimeoutMilliseconds", "200")));
        var store = (RedisBudgetStore)api.Services.GetRequiredService<RateLimitLedger>().Store;
        await using var traffic = new Traffic(api);
        await traffic.UntilMoreAsync(10);

        await redis.SignalAsync("STOP");
        await traffic.UntilMoreAsync(30);
        Assert.True(store.Failing);
        Assert.True(store.UnavailableCount >= 20, $"{store.UnavailableCount} requests decided without Redis");

        await redis.SignalAsync("CONT");
        await Poll.UntilAsync(async () =>
        {
            api.Clock.Advance(TimeSpan.FromSeconds(2));
            var before = store.UnavailableCount;
            using var probe = await api.GetAsync("/test/ok");
            return store.UnavailableCount == before && !store.Failing;
        }, "requests are counted in Redis again");

        var statuses = await traffic.StopAsync();
        Assert.All(statuses, s => Assert.Equal(200, s));
    }

    [Fact]
    public async Task Places_taken_by_admissions_that_timed_out_on_a_frozen_redis_are_given_back_when_it_resumes()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var api = new RateLimitedApi(database.ConnectionString, Settings(redis,
            ("RateLimiting:Anonymous:ConcurrentRequests", "4"), ("Redis:TimeoutMilliseconds", "200")));
        var store = (RedisBudgetStore)api.Services.GetRequiredService<RateLimitLedger>().Store;
        using (var before = await api.GetAsync("/test/ok"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await redis.SignalAsync("STOP");
        // Each request comes after the retry delay, so each sends its admission to the frozen Redis, waits out the
        // timeout and is admitted in process; its script stays queued and takes a place when Redis resumes.
        for (var request = 1; request <= 4; request++)
        {
            api.Clock.Advance(TimeSpan.FromSeconds(2));
            using var frozen = await api.GetAsync("/test/ok");
            Assert.Equal(HttpStatusCode.OK, frozen.StatusCode);
            Assert.Equal(request, store.UnavailableCount);
        }
        await redis.SignalAsync("CONT");

        // None of the four is in flight: once Redis answers again, the client has all its four places.
        var statuses = new List<HttpStatusCode>();
        await Poll.UntilAsync(async () =>
        {
            api.Clock.Advance(TimeSpan.FromSeconds(2));
            var before = store.UnavailableCount;
            using var probe = await api.GetAsync("/test/ok");
            statuses.Add(probe.StatusCode);
            return store.UnavailableCount == before;
        }, "requests are counted in Redis again");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await Poll.UntilAsync(async () => store.UnansweredReleases == 0 && await redis.InFlightPlacesAsync() == 0,
            "every place given back");
    }

    [Fact]
    public async Task With_refuse_mode_a_killed_redis_means_429_naming_the_shared_store_until_it_is_back()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var api = new RateLimitedApi(database.ConnectionString, Settings(redis, ("RateLimiting:RedisFailureMode", "Refuse")));
        using (var before = await api.GetAsync("/test/ok"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await redis.StopAsync();
        using (var refused = await api.GetAsync("/test/ok"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("1", Header(refused, "Retry-After"));
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(RateLimitLedger.StoreUnavailableLimit, problem.GetProperty("limit").GetString());
        }
        // Probes are not rate limited, so a balancer keeps seeing the instance.
        using (var probe = await api.GetAsync("/healthz"))
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);

        await redis.RestartAsync();
        await Poll.UntilAsync(async () =>
        {
            api.Clock.Advance(TimeSpan.FromSeconds(2));
            using var again = await api.GetAsync("/test/ok");
            return again.StatusCode == HttpStatusCode.OK;
        }, "requests are admitted again");
    }

    /// <summary>Two clients' worth of requests in a loop until stopped, recording every status code.</summary>
    private sealed class Traffic : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<int> _statuses = [];
        private readonly Task[] _loops;

        public Traffic(RateLimitedApi api) =>
            _loops = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var response = await api.GetAsync("/test/ok");
                    lock (_statuses)
                        _statuses.Add((int)response.StatusCode);
                }
            }))];

        private int Count
        {
            get { lock (_statuses) return _statuses.Count; }
        }

        public Task UntilMoreAsync(int more)
        {
            var target = Count + more;
            return Poll.UntilAsync(() => Task.FromResult(Count >= target), $"{more} more responses");
        }

        public async Task<int[]> StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_loops);
            lock (_statuses)
                return [.. _statuses];
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
                await StopAsync();
            _stop.Dispose();
        }
    }
}
