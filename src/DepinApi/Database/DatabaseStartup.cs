using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// Runs before anything else starts: finds the database (or starts the private cluster),
/// migrates and imports the seed data as configured, then hands out the connection strings.
/// Doing this in a hosted service rather than before the host is built keeps the whole
/// configuration (test overrides included) in force.
/// </summary>
public sealed class DatabaseStartup(IConfiguration configuration, ILogger<DatabaseStartup> logger, Observability.DepinMetrics? metrics = null)
    : IHostedService, IAsyncDisposable
{
    private DatabaseConnections? connections;
    private EmbeddedPostgres? cluster;
    private Task? preparation;

    public DatabaseConnections Connections =>
        connections ?? throw new InvalidOperationException("The database is used before start-up has located it.");

    /// <summary>
    /// Starts finding and preparing the database now, once the host is built and its configuration final, so
    /// that the work (mostly waiting on Postgres) overlaps the building of the request pipeline; the hosted
    /// service's start then only waits for it. On a thread-pool thread: its first steps (the connection string's
    /// parsing, the data source, the migration check) are work, not waiting, and would otherwise run on the thread
    /// that builds the pipeline. Without this call the work starts with the hosted service.
    /// </summary>
    public void Begin() => preparation ??= Task.Run(() => PrepareAsync(CancellationToken.None));

    public Task StartAsync(CancellationToken cancellationToken) =>
        (preparation ??= PrepareAsync(cancellationToken)).WaitAsync(cancellationToken);

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        (connections, cluster) = await DatabaseBootstrap.ResolveAsync(configuration, logger, cancellationToken);
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await DatabaseBootstrap.PrepareAsync(connections, options, logger, cancellationToken, metrics);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The cluster outlives the hosted services' StopAsync so that in-flight requests drain first.
    public async ValueTask DisposeAsync()
    {
        // A preparation still running may yet start the private cluster: let it finish, then stop what it started.
        // Its failure, if any, was StartAsync's to report.
        if (preparation is not null)
            await preparation.ContinueWith(_ => { }, TaskScheduler.Default);
        if (cluster is not null)
            await cluster.DisposeAsync();
    }
}
