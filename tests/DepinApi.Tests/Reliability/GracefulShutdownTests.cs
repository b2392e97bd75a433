using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// The server run as its own process and stopped with SIGTERM while requests are in flight. The
/// requests are held deterministically: the test locks the projects table, so GET /v1/projects
/// waits in Postgres (with a command timeout long enough not to fire).
/// </summary>
public sealed class GracefulShutdownTests
{
    // The application name the server gives its reader connections.
    private const string ServerSessions = "depin-api";

    [Fact]
    public async Task Stopping_refuses_new_connections_and_lets_in_flight_requests_finish()
    {
        await using var server = await StartAsync(shutdownTimeoutSeconds: 120);
        using var client = server.Client();
        await using var projects = await TableLock.HoldAsync(server.ConnectionString, "projects", "ACCESS EXCLUSIVE");
        // Different URLs, so each request runs its own query.
        var inFlight = Enumerable.Range(1, 3).Select(limit => client.GetAsync($"/v1/projects?limit={limit}")).ToArray();
        await projects.WaitForWaitersAsync(ServerSessions, inFlight.Length);

        server.Process.Terminate();
        await Poll.UntilAsync(() => RefusesConnectionsAsync(server.Port), "the stopping server to refuse new connections");
        Assert.DoesNotContain(inFlight, request => request.IsCompleted);
        Assert.False(server.Process.HasExited);

        await projects.ReleaseAsync();
        var responses = await Task.WhenAll(inFlight).WaitAsync(Poll.Patience);
        for (var i = 0; i < responses.Length; i++)
        {
            var body = await responses[i].Content.ReadAsStringAsync();
            Assert.True(responses[i].StatusCode == HttpStatusCode.OK, body);
            using var json = JsonDocument.Parse(body);
            Assert.Equal(Math.Min(i + 1, 2), json.RootElement.GetProperty("data").GetArrayLength());
        }
        Assert.True(await server.Process.WaitForExitAsync() == 0, server.Process.Transcript);
    }

    [Fact]
    public async Task A_request_that_never_finishes_holds_shutdown_only_for_the_shutdown_timeout()
    {
        const int shutdownTimeoutSeconds = 2;
        await using var server = await StartAsync(shutdownTimeoutSeconds);
        using var client = server.Client();
        await using var projects = await TableLock.HoldAsync(server.ConnectionString, "projects", "ACCESS EXCLUSIVE");
        var stuck = client.GetAsync("/v1/projects");
        await projects.WaitForWaitersAsync(ServerSessions, 1);

        server.Process.Terminate();
        // Far above the 2 s asked for, far below the 120 s command timeout the request would otherwise wait out.
        Assert.True(await server.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, server.Process.Transcript);

        // The lock is still held: the request cannot have been answered with data, but it must have ended (its connection is aborted).
        var outcome = await Task.WhenAny(stuck, Task.Delay(Poll.Patience));
        Assert.Same(stuck, outcome);
        if (stuck.IsCompletedSuccessfully)
            Assert.NotEqual(HttpStatusCode.OK, (await stuck).StatusCode);
    }

    private static async Task<bool> RefusesConnectionsAsync(int port)
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return false;
        }
        // Reset: the connection reached the backlog just as the listening socket closed, and was dropped unserved.
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            return true;
        }
    }

    private static async Task<RunningServer> StartAsync(int shutdownTimeoutSeconds)
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var port = FreePort.OnLoopback();
        var process = DepinApiProcess.StartServer(database.ConnectionString, port, new Dictionary<string, string>
        {
            ["Database__ImportSeedWhenEmpty"] = "false",
            ["Database__CommandTimeoutSeconds"] = "120",
            ["Server__ShutdownTimeoutSeconds"] = shutdownTimeoutSeconds.ToString(),
            ["RateLimiting__Enabled"] = "false",
        });
        var server = new RunningServer(process, database.ConnectionString, port);
        try
        {
            using var client = server.Client();
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"The server exited before it was ready.\n{process.Transcript}");
                try { return (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK; }
                catch (HttpRequestException) { return false; }
            }, "the server to be ready");
            return server;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private sealed record RunningServer(DepinApiProcess Process, string ConnectionString, int Port) : IAsyncDisposable
    {
        public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = Poll.Patience };

        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
