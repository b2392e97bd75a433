using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
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

        await starter.DisposeAsync();
        Assert.True(await AnswersAsync(connectionString), "the cluster was stopped under another process's session");

        // That process stops using it and stops too: it did not start the cluster, but nobody else is left.
        var reuser = await EmbeddedPostgres.StartAsync(options);
        await other.DisposeAsync();
        await reuser.DisposeAsync();
        Assert.False(await AnswersAsync(connectionString), "the cluster was left running for nobody");
    }

    private static async Task<bool> AnswersAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 }.ConnectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }
}
