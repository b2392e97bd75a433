using System.Diagnostics;
using System.Net.Sockets;
using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using Npgsql;

namespace DepinApi.Tests.Database;

/// <summary>
/// The private cluster is shared by every process that uses it (a server, an <c>import</c> run beside it): the last
/// one out stops it, whichever started it.
/// </summary>
public sealed class EmbeddedPostgresSharingTests : IAsyncLifetime
{
    // Not CreateTempSubdirectory, whose mode (0700) keeps out the postgres user the cluster runs as under root.
    private readonly string root = Path.Combine(Path.GetTempPath(), "depin-shared-cluster-" + Guid.NewGuid().ToString("N")[..12]);
    private EmbeddedPostgresOptions options = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(root, "pg"), Port = FreePort.OnLoopback(), Durable = false };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await EmbeddedPostgres.StopIfRunningAsync(options);
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task The_process_that_started_it_leaves_it_running_for_another_and_the_last_one_out_stops_it()
    {
        var starter = await EmbeddedPostgres.StartAsync(options);
        var connectionString = await starter.EnsureDatabaseAsync("depin");
        // Another process's session, as a server started meanwhile holds one (unpooled: closing it ends it).
        var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await other.OpenAsync();
        var otherBackend = other.ProcessID;

        await starter.DisposeAsync();
        Assert.True(await AnswersAsync(connectionString), "the cluster was stopped under another process's session");

        // That process stops using it and stops too: it did not start the cluster, but nobody else is left.
        var reuser = await EmbeddedPostgres.StartAsync(options);
        await other.DisposeAsync();
        // The other process is gone only once Postgres has seen its session end, a moment after it hung up.
        await BackendExitedAsync(otherBackend);
        await reuser.DisposeAsync();
        Assert.False(await AnswersAsync(connectionString), "the cluster was left running for nobody");
    }

    [Fact]
    public async Task A_session_of_the_process_that_ends_as_the_cluster_is_asked_to_stop_does_not_keep_it_running()
    {
        var cluster = await EmbeddedPostgres.StartAsync(options);
        var connectionString = await cluster.EnsureDatabaseAsync("depin");
        // The server's pool, under the service's own name, is closed as the host ends; each session stays listed until
        // its backend exits, up to about 0.1 s later. Here one ends 0.2 s into the cluster's own check.
        var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "depin-api",
            Pooling = false,
        }.ConnectionString);
        await session.OpenAsync();
        var ending = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            await session.DisposeAsync();
        });

        await cluster.DisposeAsync();
        await ending;
        Assert.False(await AnswersAsync(connectionString), "the cluster was left running for a session that had ended");
    }

    /// <summary>
    /// Whether the cluster takes a login; false only when nothing listens on its port any more. The test's session ends,
    /// its backend gone, before this returns: still listed, it would count as another process's when one next asks.
    /// </summary>
    private static async Task<bool> AnswersAsync(string connectionString)
    {
        // A loaded machine can take seconds for a login: slowness is not an answer either way, only a refusal is.
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 60 }.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (NpgsqlException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return false;
        }
        var backend = connection.ProcessID;
        await connection.CloseAsync();
        await BackendExitedAsync(backend);
        return true;
    }

    /// <summary>
    /// Waits for the backend process of a closed session to exit (the cluster runs on this machine): Postgres lists the
    /// session until then, and asking Postgres would open a session of its own.
    /// </summary>
    private static Task BackendExitedAsync(int pid) =>
        Poll.UntilAsync(() => Task.FromResult(!IsRunning(pid)), $"the exit of backend {pid}");

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
