using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using Npgsql;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// A private primary cluster and a streaming-replication hot standby of it (<c>pg_basebackup -R</c>), each on a
/// loopback port of its own: what a deployment that reads from replicas looks like, on one machine. The standby
/// is a copy of the primary as it was when <see cref="StartAsync"/> ran, kept up to date by replication.
/// </summary>
public sealed class HotStandby : IAsyncDisposable
{
    private readonly string folder;
    private readonly string standbyDirectory;
    private readonly string pgCtl;

    private HotStandby(string folder, EmbeddedPostgres primary, string standbyDirectory, string pgCtl, int standbyPort)
    {
        this.folder = folder;
        Primary = primary;
        this.standbyDirectory = standbyDirectory;
        this.pgCtl = pgCtl;
        StandbyPort = standbyPort;
    }

    public EmbeddedPostgres Primary { get; }

    public int StandbyPort { get; }

    /// <summary>The connection string of <paramref name="database"/> on the standby (the primary's owner login).</summary>
    public string StandbyConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Primary.ConnectionString(database)) { Port = StandbyPort }.ConnectionString;

    /// <summary>Starts a primary, lets <paramref name="prepare"/> fill it, then copies it into a running hot standby.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes; the clusters are Unix-only anyway
    public static async Task<HotStandby> StartAsync(Func<EmbeddedPostgres, Task> prepare)
    {
        var folder = Directory.CreateTempSubdirectory("depin-standby-").FullName;
        // The clusters run as the postgres system user when this runs as root: it must reach the folder.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var primary = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(folder, "primary", "pg"), Durable = false });
        try
        {
            await prepare(primary);
            // pg_basebackup sits beside the real pg_ctl (PATH may hold only links to pg_ctl and initdb).
            var pgCtlFile = new FileInfo(PostgresBinaries.Locate(null).PgCtl);
            var bin = Path.GetDirectoryName(pgCtlFile.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtlFile.FullName)!;
            var standbyDirectory = Path.Combine(folder, "standby");
            // pg_basebackup (run as the postgres user when this runs as root) creates the standby's folder itself.
            PostgresCommand.GiveToPostgresUser(folder);
            var primaryLogin = new NpgsqlConnectionStringBuilder(primary.ConnectionString("postgres"));
            await PostgresCommand.RunAsync(Path.Combine(bin, "pg_basebackup"),
                ["-D", standbyDirectory, "-R", "-X", "stream", "-c", "fast", "-h", "127.0.0.1", "-p", primary.Port.ToString(), "-U", primaryLogin.Username!],
                Timeout, new Dictionary<string, string> { ["PGPASSWORD"] = primaryLogin.Password! });
            var standbyPort = FreePort.OnLoopback();
            await PostgresCommand.RunAsync(Path.Combine(bin, "pg_ctl"),
                ["start", "-w", "-t", "60", "-D", standbyDirectory, "-l", Path.Combine(folder, "standby.log"),
                 "-o", $"-p {standbyPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c hot_standby=on -c fsync=off"],
                Timeout);
            return new HotStandby(folder, primary, standbyDirectory, Path.Combine(bin, "pg_ctl"), standbyPort);
        }
        catch
        {
            await primary.StopAsync();
            throw;
        }
    }

    /// <summary>Stops the standby at once (<c>-m immediate</c>), as when its host fails.</summary>
    public Task StopStandbyAsync() =>
        PostgresCommand.TryRunAsync(pgCtl, ["stop", "-w", "-m", "immediate", "-D", standbyDirectory], Timeout);

    public async ValueTask DisposeAsync()
    {
        await PostgresCommand.TryRunAsync(pgCtl, ["stop", "-w", "-m", "immediate", "-D", standbyDirectory], Timeout);
        // The test's alone: stopped outright, whatever sessions of this process are still pooled.
        await Primary.StopAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // A bound on each program, so a broken machine fails the test instead of hanging the run.
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
