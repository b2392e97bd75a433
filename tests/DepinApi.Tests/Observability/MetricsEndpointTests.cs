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
        var publicPort = FreePort.OnLoopback();
        var metricsPort = FreePort.OnLoopback();
        await using var process = DepinApiProcess.StartServer(database.ConnectionString, publicPort, new Dictionary<string, string>
        {
            ["Database__ImportSeedWhenEmpty"] = "false",
            ["Metrics__Urls"] = $"http://127.0.0.1:{metricsPort}",
        });
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}"), Timeout = Poll.Patience };
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}"), Timeout = Poll.Patience };
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited before it was ready.\n{process.Transcript}");
            try { return (await api.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, "the server to be ready");
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
}
