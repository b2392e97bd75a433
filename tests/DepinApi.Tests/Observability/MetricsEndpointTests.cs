using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;

namespace DepinApi.Tests.Observability;

/// <summary>
/// The Prometheus scrape endpoint is served on its own listener (<c>Metrics:Urls</c>) and never on the public one,
/// checked against the built service run as an operator runs it.
/// </summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_on_the_metrics_listener_only()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var metricsPort = FreePort.OnLoopback();
        await using var server = await Server.StartAsync(database, metricsPort);
        var (api, metrics) = (server.Api, server.Metrics);
        (await api.GetAsync("/v1/projects")).Dispose();

        using var onPublic = await api.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        // Not even with the metrics port in the Host header: the public listener has no such endpoint at all.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{metricsPort}";
        using var spoofedResponse = await api.SendAsync(spoofed);
        Assert.Equal(HttpStatusCode.NotFound, spoofedResponse.StatusCode);

        using var scrape = await metrics.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.True(scrape.StatusCode == HttpStatusCode.OK, text);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        // The API's own meter, ASP.NET Core's, Npgsql's and the runtime's, as Prometheus names them.
        Assert.Matches(@"(?m)^depin_data_version(_\w+)?\{[^}]*\} 1(\.0)?( \d+)?$", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("db_client_operation_duration_seconds_bucket{", text);
        // A process that has served requests has compiled methods (bench/load reads this to know its warm-up is over).
        var jitSeconds = Regex.Match(text, @"(?m)^dotnet_jit_compilation_time_seconds_total\{[^}]*\} (\S+)");
        Assert.True(jitSeconds.Success, text);
        Assert.True(double.Parse(jitSeconds.Groups[1].Value, CultureInfo.InvariantCulture) > 0, jitSeconds.Value);
        Assert.Contains("dotnet_gc_pause_time_seconds_total{", text);
        Assert.Contains("dotnet_thread_pool_queue_length{", text);

        // The metrics listener serves nothing else.
        using var apiOnMetrics = await metrics.GetAsync("/v1/projects");
        Assert.Equal(HttpStatusCode.NotFound, apiOnMetrics.StatusCode);
    }
    [Fact]
    public async Task Requests_decided_without_redis_are_counted_on_the_scrape_endpoint()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        await using var redis = await TestRedis.StartAsync();
        await using var server = await Server.StartAsync(database, FreePort.OnLoopback(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Redis__KeyPrefix"] = TestRedis.NewKeyPrefix(),
        });
        (await server.Api.GetAsync("/v1/projects")).Dispose();

        await redis.StopAsync();
        // Each request is then admitted in process and built without the shared cache, and both are counted.
        var text = "";
        await Poll.UntilAsync(async () =>
        {
            using var answer = await server.Api.GetAsync("/v1/projects");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            text = await server.Metrics.GetStringAsync("/metrics");
            return text.Contains("depin_rate_limit_store_unavailable_total{", StringComparison.Ordinal)
                   && text.Contains("depin_output_cache_redis_skipped_total{", StringComparison.Ordinal);
        }, "the Redis fault counters on the scrape endpoint");
        Assert.Matches(@"(?m)^depin_rate_limit_store_unavailable_total\{[^}]*otel_scope_name=""DepinApi.RateLimiting""[^}]*mode=""fallback""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^depin_output_cache_redis_skipped_total\{[^}]*otel_scope_name=""DepinApi.OutputCache""[^}]*\} [1-9]", text);
    }

    [Fact]
    public async Task A_metrics_port_already_taken_fails_the_start()
    {
        // A port the metrics listener cannot bind stops the server, so that an operator learns of it at once rather than
        // from a silent dashboard (MetricsListener); a change that moves its start off the start-up path must keep this.
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var metricsPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var process = DepinApiProcess.StartServer(database.ConnectionString, FreePort.OnLoopback(), new Dictionary<string, string>
        {
            ["Database__ImportSeedWhenEmpty"] = "false",
            ["Metrics__Urls"] = $"http://127.0.0.1:{metricsPort}",
        });
        var exitCode = await process.WaitForExitAsync(Poll.Patience);
        Assert.True(exitCode != 0, process.Transcript);
        Assert.Contains("address already in use", process.Transcript, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The built service, run as an operator runs it, with its metrics listener on <c>metricsPort</c>; ready.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly DepinApiProcess _process;

        private Server(DepinApiProcess process, int publicPort, int metricsPort)
        {
            _process = process;
            Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}"), Timeout = Poll.Patience };
            Metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}"), Timeout = Poll.Patience };
        }

        public HttpClient Api { get; }

        public HttpClient Metrics { get; }

        public static async Task<Server> StartAsync(ImportDatabase database, int metricsPort, Dictionary<string, string>? settings = null)
        {
            var publicPort = FreePort.OnLoopback();
            settings ??= [];
            settings["Database__ImportSeedWhenEmpty"] = "false";
            settings["Metrics__Urls"] = $"http://127.0.0.1:{metricsPort}";
            var server = new Server(DepinApiProcess.StartServer(database.ConnectionString, publicPort, settings), publicPort, metricsPort);
            try
            {
                await Poll.UntilAsync(async () =>
                {
                    if (server._process.HasExited)
                        throw new InvalidOperationException($"The server exited before it was ready.\n{server._process.Transcript}");
                    try { return (await server.Api.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK; }
                    catch (HttpRequestException) { return false; }
                }, "the server to be ready");
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Api.Dispose();
            Metrics.Dispose();
            await _process.DisposeAsync();
        }
    }
}
