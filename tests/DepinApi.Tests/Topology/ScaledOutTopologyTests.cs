using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DepinApi.Database;
using DepinApi.Import;
using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using Npgsql;
using Xunit.Abstractions;

namespace DepinApi.Tests.Topology;

/// <summary>
/// The deployment of compose.yaml on one machine: HAProxy running deploy/haproxy.cfg in front of three API processes
/// that read a streaming-replication hot standby of a private primary and share one Redis. What a single instance
/// promises must hold across the three: one client's budget, one data version after an import, no failures beyond a
/// killed replica's own requests, and cached answers while Postgres is gone.
/// </summary>
public sealed class ScaledOutTopologyTests(ITestOutputHelper output)
{
    private const string Database = "depin";
    private const int Budget = 200;
    private const int VersionPollSeconds = 1;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Three_replicas_behind_haproxy_keep_the_promises_of_one_instance()
    {
        var clock = Stopwatch.StartNew();
        await using var postgres = await HotStandby.StartAsync(async primary =>
        {
            var owner = await primary.EnsureDatabaseAsync(Database);
            await using var admin = NpgsqlDataSource.Create(owner);
            await new Migrator(admin).MigrateAsync();
            await ImportAsync(admin, SeedFixture.Valid());
        });
        await using var redis = await TestRedis.StartAsync();
        var ports = Enumerable.Range(0, 3).Select(_ => FreePort.OnLoopback()).ToArray();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__DepinAdmin"] = postgres.Primary.ConnectionString(Database),
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Redis__KeyPrefix"] = TestRedis.NewKeyPrefix(),
            // Three servers starting on a shared machine can stall past the default 250 ms; a request that waits
            // longer for Redis is counted in its process, which would blur the budget this test measures.
            ["Redis__TimeoutMilliseconds"] = "1000",
            ["Rest__CursorKey"] = Convert.ToBase64String(new byte[32]),
            ["Database__MigrateOnStartup"] = "false",
            ["Database__ImportSeedWhenEmpty"] = "false",
            ["Database__VersionPollSeconds"] = VersionPollSeconds.ToString(),
            ["RateLimiting__Anonymous__PointsPerWindow"] = Budget.ToString(),
            ["RateLimiting__Anonymous__ConcurrentRequests"] = "64",
            ["RateLimiting__Anonymous__BurstPoints"] = Budget.ToString(),
            // A slow refill (200 points an hour), so the test measures the burst alone.
            ["RateLimiting__WindowSeconds"] = "3600",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        };
        var replicas = new List<DepinApiProcess>();
        try
        {
            foreach (var port in ports)
                replicas.Add(DepinApiProcess.StartServer(postgres.StandbyConnectionString(Database), port, settings));
            await using var haproxy = HaproxyProcess.Start(FreePort.OnLoopback(), FreePort.OnLoopback(), ports);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            await Poll.UntilAsync(async () => await haproxy.AllUpAsync(http), "haproxy sees three replicas up");
            output.WriteLine($"topology up after {clock.Elapsed.TotalSeconds:F1} s");

            await OneBudgetAcrossReplicasAsync(http, haproxy.Port);
            output.WriteLine($"replicas that decided without Redis: {replicas.Count(r => r.Output.Contains("Redis did not answer", StringComparison.Ordinal))}");
            await ImportReachesEveryReplicaAsync(http, postgres, ports);
            await KilledReplicaCostsOnlyItsInFlightRequestsAsync(http, haproxy, replicas[1]);
            await CachedAnswersSurviveAPostgresOutageAsync(http, postgres, [ports[0], ports[2]]);
            output.WriteLine($"done after {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            foreach (var replica in replicas)
                await replica.DisposeAsync();
        }
    }

    /// <summary>300 requests of one client, round robin over three replicas: admitted within 5% of its one budget.</summary>
    private async Task OneBudgetAcrossReplicasAsync(HttpClient http, int balancer)
    {
        // Eight at a time: well under the client's in-flight cap, so only the point budget refuses.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            using var response = await SendAsync(http, balancer, "/v1/projects", client: "198.51.100.1");
            statuses.Add(response.StatusCode);
        });
        var admitted = statuses.Count(s => s == HttpStatusCode.OK);
        output.WriteLine($"budget {Budget}: {admitted} admitted of 300 over three replicas, {statuses.Count(s => s == HttpStatusCode.TooManyRequests)} refused");
        Assert.InRange(admitted, Budget * 0.95, Budget * 1.05);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
    }

    /// <summary>
    /// An import on the primary: every replica moves to the new version, ETag and dataVersion together, within a few
    /// poll intervals of the standby replaying it. The lag is counted from the replay because the import and the
    /// replay are Postgres's time, which on a machine busy with other suites' disks can run to seconds.
    /// </summary>
    private async Task ImportReachesEveryReplicaAsync(HttpClient http, HotStandby postgres, int[] ports)
    {
        var before = await Task.WhenAll(ports.Select(p => VersionAsync(http, p)));
        Assert.All(before, v => Assert.Equal(1, v.Version));
        Assert.Single(before.Select(v => v.ETag).Distinct());

        var clock = Stopwatch.StartNew();
        await using (var admin = NpgsqlDataSource.Create(postgres.Primary.ConnectionString(Database)))
            await ImportAsync(admin, ChangedSeed.Create());
        var imported = clock.Elapsed;
        var seen = new List<(int Version, string ETag)>();
        var replayed = StandbyReplaysAsync(postgres, version: 2, clock);
        var served = await Task.WhenAll(ports.Select(async port =>
        {
            await Poll.UntilAsync(async () =>
            {
                var now = await VersionAsync(http, port);
                lock (seen)
                    seen.Add(now);
                return now.Version == 2;
            }, $"replica on {port} serves version 2");
            return clock.Elapsed;
        }));
        var replay = await replayed;
        var lags = served.Select(s => s - replay).ToArray();
        output.WriteLine($"import committed after {imported.TotalSeconds:F2} s, replayed on the standby after {replay.TotalSeconds:F2} s; " +
                         $"replicas served it {string.Join(", ", lags.Select(l => $"{l.TotalSeconds:F2} s"))} after the replay (VersionPollSeconds {VersionPollSeconds})");
        // Every ETag belongs to one version: no replica ever paired the old tag with new data or the reverse.
        Assert.All(seen.GroupBy(s => s.ETag), g => Assert.Single(g.Select(s => s.Version).Distinct()));
        var after = await Task.WhenAll(ports.Select(p => VersionAsync(http, p)));
        Assert.Single(after.Select(v => v.ETag).Distinct());
        // Within a poll interval plus the replicas' own scheduling on a busy machine.
        Assert.All(lags, l => Assert.True(l < TimeSpan.FromSeconds(VersionPollSeconds * 5), $"{l.TotalSeconds:F2} s"));
    }

    /// <summary>When the standby itself first shows <paramref name="version"/>, on <paramref name="clock"/>.</summary>
    private static async Task<TimeSpan> StandbyReplaysAsync(HotStandby postgres, int version, Stopwatch clock)
    {
        await using var standby = NpgsqlDataSource.Create(postgres.StandbyConnectionString(Database));
        await Poll.UntilAsync(async () =>
        {
            await using var command = standby.CreateCommand("SELECT coalesce(max(id), 0) FROM data_versions");
            return (int)(await command.ExecuteScalarAsync())! >= version;
        }, $"the standby replays version {version}");
        return clock.Elapsed;
    }

    /// <summary>Steady load through the balancer while one replica is SIGKILLed.</summary>
    private async Task KilledReplicaCostsOnlyItsInFlightRequestsAsync(HttpClient http, HaproxyProcess haproxy, DepinApiProcess victim)
    {
        const int workers = 4;
        var failures = 0;
        var served = 0;
        var inFlight = 0;
        var maxInFlightAtKill = -1;
        var sinceKill = new Stopwatch();
        var failed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Fail(string what)
        {
            Interlocked.Increment(ref failures);
            failed.Enqueue($"{sinceKill.ElapsedMilliseconds} ms after the kill: {what}");
        }
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                Interlocked.Increment(ref inFlight);
                try
                {
                    // Clients enough that none runs out of budget: this is about failures, not limits.
                    using var response = await SendAsync(http, haproxy.Port, "/v1/projects", client: $"203.0.113.{(worker * 50) + (i % 50)}");
                    if ((int)response.StatusCode >= 500)
                        Fail($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    else
                        Interlocked.Increment(ref served);
                }
                catch (HttpRequestException exception)
                {
                    Fail(exception.InnerException?.Message ?? exception.Message);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        })).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var servedBeforeKill = Volatile.Read(ref served);
        maxInFlightAtKill = Volatile.Read(ref inFlight);
        sinceKill.Start();
        victim.Kill();
        await Poll.UntilAsync(async () => (await haproxy.ServerStatusAsync(http))["api2"].StartsWith("DOWN", StringComparison.Ordinal),
            "haproxy marks the killed replica down");
        var failuresWhenDown = Volatile.Read(ref failures);
        output.WriteLine($"haproxy marked it down {sinceKill.ElapsedMilliseconds} ms after the kill");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        output.WriteLine($"SIGKILL under load: {servedBeforeKill} served before, {served} in all, {failures} failed " +
                         $"({failuresWhenDown} by the time haproxy marked it down), {workers} workers in flight");
        foreach (var failure in failed)
            output.WriteLine(failure);
        Assert.InRange(failures, 0, workers);
        Assert.Equal(failuresWhenDown, failures);
        Assert.True(served > servedBeforeKill, "no request was served after the kill");
    }

    /// <summary>Every replica answers a cached URL while the Postgres it reads (the standby) is down.</summary>
    private async Task CachedAnswersSurviveAPostgresOutageAsync(HttpClient http, HotStandby postgres, int[] ports)
    {
        foreach (var port in ports)
        {
            using var warm = await SendAsync(http, port, "/v1/projects/helium", client: null);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }
        await postgres.StopStandbyAsync();
        foreach (var port in ports)
        {
            using var cached = await SendAsync(http, port, "/v1/projects/helium", client: null);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.True(CacheHits.IsHit(cached));
        }
        output.WriteLine($"Postgres down: {ports.Length} replicas still served the cached answer");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, int port, string path, string? client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{path}"));
        if (client is not null)
            request.Headers.Add("X-Forwarded-For", client);
        // One public host name whichever replica is asked directly, as behind the balancer: ETags depend on the host.
        request.Headers.Host = "api.depin.test";
        return await http.SendAsync(request);
    }

    private static async Task<(int Version, string ETag)> VersionAsync(HttpClient http, int port)
    {
        // A client of its own each time, so polling never runs into a budget.
        using var response = await SendAsync(http, port, "/v1/projects", client: $"192.0.2.{Random.Shared.Next(1, 255)}");
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("dataVersion").GetProperty("id").GetInt32(), response.Headers.ETag!.Tag);
    }

    private static async Task ImportAsync(NpgsqlDataSource admin, SeedFixture seed)
    {
        var result = await new SeedImporter(admin).ImportAsync(seed.Write(), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }
}
