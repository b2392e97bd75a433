using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// Runs before anything else starts: finds the database (or starts the private cluster),
/// migrates and imports the seed data as configured, then hands out the connection strings.
/// Doing this in a hosted service rather than before the host is built keeps the whole
/// configuration (test overrides included) in force.
/// </summary>
public sealed class DatabaseStartup(IConfiguration configuration, ILogger<DatabaseStartup> logger) : IHostedService, IAsyncDisposable
{
    private DatabaseConnections? connections;
    private EmbeddedPostgres? cluster;

    public DatabaseConnections Connections =>
        connections ?? throw new InvalidOperationException("The database is used before start-up has located it.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        (connections, cluster) = await DatabaseBootstrap.ResolveAsync(configuration, logger, cancellationToken);
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await DatabaseBootstrap.PrepareAsync(connections, options, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The cluster outlives the hosted services' StopAsync so that in-flight requests drain first.
    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
            await cluster.DisposeAsync();
    }
}
