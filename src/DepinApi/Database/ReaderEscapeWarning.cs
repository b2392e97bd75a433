using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// Warns when the reader login can leave the read-only role (a superuser, or a member of the tables' owner).
/// A warning, not a refusal: one superuser connection string is how many quick deployments start.
/// </summary>
/// <remarks>
/// Checked in the background over the API's own reader data source, not before the server takes requests: nothing
/// waits for a warning, and a data source of its own cost every start a connection, an authentication and a load of
/// the database's types (docs/performance.md, <i>Means</i>).
/// </remarks>
public sealed class ReaderEscapeWarning(IServiceProvider services, ILogger<ReaderEscapeWarning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Resolved here, late: the data source exists only once DatabaseStartup has started.
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
            if (await ReaderRole.EscapeRouteAsync(connection, stoppingToken) is { } escape)
                logger.LogWarning("{Escape} Give ConnectionStrings:Depin a login of its own that is neither a superuser nor a member of the owner (docs/security.md)", escape);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning("Could not check whether the reader login can leave the reader role ({Message})", e.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
