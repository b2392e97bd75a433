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

    [Fact]
    public async Task After_a_burst_a_server_with_idle_keep_alive_connections_exits_as_soon_as_its_last_request_ends()
    {
        // Far above what the drain needs: a server that waited for its idle connections (or for a background
        // service that ignores the stopping token) would be held for all of it.
        const int shutdownTimeoutSeconds = 60;
        await using var server = await StartAsync(shutdownTimeoutSeconds);
        using var client = server.Client();
        var burst = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? client.GetAsync("/v1/projects/helium/revenue")
            : client.PostAsync("/graphql", new StringContent("""{"query":"{ projects(first: 5) { nodes { slug } } }"}""",
                System.Text.Encoding.UTF8, "application/json")));
        Assert.All(await Task.WhenAll(burst), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        // A keep-alive connection the client leaves open and idle after its answer, besides the client's pooled ones.
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = idle.GetStream();
        await stream.WriteAsync("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
        var buffer = new byte[4096];
        Assert.True(await stream.ReadAsync(buffer) > 0);

        await using var projects = await TableLock.HoldAsync(server.ConnectionString, "projects", "ACCESS EXCLUSIVE");
        var slow = client.GetAsync("/v1/projects?limit=1");
        await projects.WaitForWaitersAsync(ServerSessions, 1);

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        server.Process.Terminate();
        await Poll.UntilAsync(() => RefusesConnectionsAsync(server.Port), "the stopping server to refuse new connections");
        // The idle connection is closed (end of stream, after whatever of its answer was not read yet), while the
        // slow request is still held.
        var closed = DrainAsync(stream, buffer);
        Assert.Same(closed, await Task.WhenAny(closed, Task.Delay(Poll.Patience)));
        Assert.False(slow.IsCompleted);

        await projects.ReleaseAsync();
        var answer = await slow.WaitAsync(Poll.Patience);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, await server.Process.WaitForExitAsync());
        // Not a speed target: a server held by anything but its last request would take the whole 60 s.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(20), $"exited {stopping.Elapsed} after SIGTERM\n{server.Process.Transcript}");
    }

    private static async Task DrainAsync(NetworkStream stream, byte[] buffer)
    {
        while (await stream.ReadAsync(buffer) > 0)
        {
        }
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
            // Every in-flight request is built at once and reaches the lock, whatever the number of cores.
            ["Server__ConcurrentBuilds"] = "8",
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
