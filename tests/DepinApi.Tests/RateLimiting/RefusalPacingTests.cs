using System.Diagnostics;
using System.Globalization;
using System.Net;
using DepinApi.RateLimiting;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// A client that keeps sending requests after its 429s is slowed: beyond a burst, each further 429 is answered at once
/// and its connection then held, so that one connection carries its refusals at the paced rate and no faster.
/// </summary>
public sealed class RefusalPacingTests
{
    [Fact]
    public void Refusals_beyond_the_burst_are_held_longer_each_up_to_the_longest_hold_and_partitions_are_paced_apart()
    {
        var clock = new ManualClock();
        var pacing = Pacing(clock, burst: 3, perSecond: 10, maxHoldMilliseconds: 350);

        var holds = Enumerable.Range(0, 8).Select(_ => pacing.HoldAfterRefusal("ip:192.0.2.7").TotalMilliseconds).ToList();

        Assert.Equal([0, 0, 0, 100, 200, 300, 350, 350], holds);
        // Another client is not paced by the first one's refusals.
        Assert.Equal(TimeSpan.Zero, pacing.HoldAfterRefusal("ip:198.51.100.4"));
        // Held at the longest hold, the pacing has not run on: a second's quiet is 10 paced refusals, enough for all.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, pacing.HoldAfterRefusal("ip:192.0.2.7"));
    }

    [Fact]
    public void A_hold_of_zero_milliseconds_switches_the_pacing_off()
    {
        var pacing = Pacing(new ManualClock(), burst: 0, perSecond: 1, maxHoldMilliseconds: 0);
        for (var i = 0; i < 20; i++)
            Assert.Equal(TimeSpan.Zero, pacing.HoldAfterRefusal("ip:192.0.2.7"));
        Assert.Equal(0, pacing.Remembered);
    }

    [Fact]
    public async Task A_flood_of_refused_requests_on_one_connection_is_paced()
    {
        // A point an hour: once it is spent, every request is refused. Two refusals free, then one every 50 ms.
        await using var api = await StartAsync(burst: 2, perSecond: 20, maxHoldMilliseconds: 30_000);
        using var client = OneConnectionClient(api.Port);
        await SpendBudgetAsync(client);

        const int refusals = 12;
        var clock = Stopwatch.StartNew();
        for (var i = 1; i < refusals; i++)
        {
            using var refused = await client.GetAsync("/v1/meta");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("rate-limited", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Each request on the connection waited out the hold of the one before: after the burst's two, the refusals come
        // 50 ms apart, the paced rate. A lower bound, which a slow machine only exceeds; unpaced, the loop takes a few ms.
        const int held = (refusals - 3) * 50;
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(held * 0.9),
            $"11 refusals on one connection took {clock.Elapsed.TotalMilliseconds:F0} ms, expected at least {held} ms of holds");
    }

    [Fact]
    public async Task Each_429_arrives_before_its_hold_and_stopping_the_server_ends_every_hold_at_once()
    {
        // No burst, one refusal a second: the holds are 1, 2, 3, 4 s.
        var api = await StartAsync(burst: 0, perSecond: 1, maxHoldMilliseconds: 60_000);
        using (var client = OneConnectionClient(api.Port))
            await SpendBudgetAsync(client);
        for (var i = 0; i < 3; i++)
        {
            using var client = OneConnectionClient(api.Port);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
            using var refused = await client.GetAsync("/v1/meta", wait.Token);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            // The whole body, before the hold of 2 s or more: a client that stops here is not kept waiting.
            Assert.Contains("rate-limited", await refused.Content.ReadAsStringAsync(wait.Token), StringComparison.Ordinal);
        }

        var clock = Stopwatch.StartNew();
        await api.DisposeAsync();
        // Four connections are held, up to 4 s, and the host waits up to its shutdown timeout (30 s) for requests in
        // flight; stopping cancels the holds instead.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"stopping took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_answer_waits_out_the_hold_and_the_connection_then_serves_other_clients()
    {
        // No burst, one refusal a second. The proxy carries every client on its connections.
        await using var api = await StartAsync(burst: 0, perSecond: 1, maxHoldMilliseconds: 60_000,
            ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"));
        using var proxy = OneConnectionClient(api.Port);
        // Timed from before the first refusal: the paced rate fixes when each refusal is due from there, whereas the
        // second's own hold is shorter by however long the machine took between the two.
        var clock = Stopwatch.StartNew();
        await SpendBudgetAsync(proxy, forwardedFor: "203.0.113.5");
        using var refused = await proxy.SendAsync(Forwarded(HttpMethod.Get, "/v1/meta", "203.0.113.5"));
        var refusedAfter = clock.Elapsed;
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        clock.Restart();
        using var other = await proxy.SendAsync(Forwarded(HttpMethod.Get, "/v1/meta", "203.0.113.9"));
        var otherAfter = clock.Elapsed;

        // Each refusal waited out its hold before it was sent: two refusals at one a second took two seconds. Then the
        // connection was free at once for another client (held after the answer instead, the other client's request
        // would have waited about a second).
        Assert.True(refusedAfter >= TimeSpan.FromSeconds(1.9), $"two paced refusals came after {refusedAfter.TotalMilliseconds:F0} ms");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.True(otherAfter < TimeSpan.FromSeconds(0.5), $"the other client's request came after {otherAfter.TotalMilliseconds:F0} ms");
    }

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string? forwardedFor)
    {
        var request = new HttpRequestMessage(method, path);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    /// <summary>Sends requests until the first 429 (a fraction of a point above zero admits one more), which it reads.</summary>
    private static async Task SpendBudgetAsync(HttpClient client, string? forwardedFor = null)
    {
        for (var sent = 0; sent < 5; sent++)
        {
            using var response = await client.SendAsync(Forwarded(HttpMethod.Get, "/v1/meta", forwardedFor));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Fail("Five requests were admitted on a budget of one point an hour.");
    }

    private static RefusalPacing Pacing(TimeProvider clock, int burst, int perSecond, int maxHoldMilliseconds) =>
        new(_ => Task.CompletedTask, Options.Create(new RateLimitingOptions
        {
            RefusalPacing = new RefusalPacingOptions { Burst = burst, PerSecond = perSecond, MaxHoldMilliseconds = maxHoldMilliseconds },
        }), Options.Create(new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions()), clock, new NeverStopping());

    private static async Task<RunningApi> StartAsync(int burst, int perSecond, int maxHoldMilliseconds,
        params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:WindowSeconds"] = "3600",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "1",
            ["RateLimiting:Anonymous:BurstPoints"] = "1",
            ["RateLimiting:RefusalPacing:Burst"] = burst.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:RefusalPacing:PerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:RefusalPacing:MaxHoldMilliseconds"] = maxHoldMilliseconds.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        var factory = await ApiFactory.WithSeedDataAsync(settings);
        return new RunningApi(factory, factory.StartOnLoopback());
    }

    private static HttpClient OneConnectionClient(int port) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    private sealed record RunningApi(ApiFactory Factory, int Port) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    private sealed class NeverStopping : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
