using DepinApi.Database;
using Npgsql;

namespace DepinApi.Tests.Infrastructure;

/// <summary>
/// The Postgres server every test in this assembly shares. With <c>DEPIN_TEST_PG</c> set (a
/// connection string whose role may create databases) that server is used; otherwise a private
/// cluster is started from the machine's PostgreSQL binaries and stopped when the run ends.
/// Each caller gets a database of its own, cloned from a migrated template, so tests stay
/// independent and can run in parallel.
/// </summary>
public static class TestPostgres
{
    private const string TemplateName = "depin_test_template";
    private static readonly Lazy<Task<Server>> server = new(StartAsync);

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var s = await server.Value;
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(s.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {TemplateName}", connection);
        await create.ExecuteNonQueryAsync();
        return WithDatabase(s.AdminConnectionString, name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, ending its open connections.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var s = await server.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(s.AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE {EmbeddedPostgres.QuoteIdentifier(name)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The private cluster, when this run started one (null when DEPIN_TEST_PG is set).</summary>
    public static async Task<EmbeddedPostgres?> EmbeddedClusterAsync() => (await server.Value).Cluster;

    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = true }.ConnectionString;

    private static async Task<Server> StartAsync()
    {
        EmbeddedPostgres? cluster = null;
        var admin = Environment.GetEnvironmentVariable("DEPIN_TEST_PG");
        if (string.IsNullOrWhiteSpace(admin))
        {
            RemoveAbandonedClusters();
            var directory = Path.Combine(Path.GetTempPath(), ClusterDirectoryPrefix + Guid.NewGuid().ToString("N")[..12], "pg");
            cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
            {
                DataDirectory = directory,
                Durable = false,
                MaxConnections = 300,
            });
            admin = cluster.ConnectionString("postgres");
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                // Stopped outright: it is this run's alone, and the run's own pooled sessions are still open here,
                // which DisposeAsync would take for another process still using it.
                cluster.StopAsync().GetAwaiter().GetResult();
                try { Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
        }
        await CreateTemplateAsync(admin);
        return new Server(admin, cluster);
    }

    private const string ClusterDirectoryPrefix = "depin-test-pg-";

    /// <summary>
    /// Deletes the clusters of earlier runs whose test process ended before its exit handler had removed them (a test
    /// host killed when the run ended, a cancelled run): each holds a gigabyte or more, and they add up run after run.
    /// One whose server still runs, or made in the last few minutes (another run starting now), is left alone.
    /// </summary>
    private static void RemoveAbandonedClusters()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), ClusterDirectoryPrefix + "*"))
        {
            if (Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-10) || ServerRuns(Path.Combine(directory, "pg"))) continue;
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Whether the postmaster named in the data directory's <c>postmaster.pid</c> is alive.</summary>
    private static bool ServerRuns(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) return false;
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // No such process, or a file that vanished while read: nothing runs there.
            return false;
        }
    }

    private static async Task CreateTemplateAsync(string admin)
    {
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {TemplateName}", connection);
            await create.ExecuteNonQueryAsync();
        }
        // Pooling off: a pooled idle connection to the template would block cloning it.
        var templateConnection = new NpgsqlConnectionStringBuilder(admin) { Database = TemplateName, Pooling = false }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(templateConnection);
        await new Migrator(dataSource).MigrateAsync();
    }

    private sealed record Server(string AdminConnectionString, EmbeddedPostgres? Cluster);
}
