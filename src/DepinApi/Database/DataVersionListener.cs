using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// Listens for the importer's <c>NOTIFY depin_data_version</c> so a running server learns of a
/// new data version at once; reloads after every (re)connection in case it missed one.
/// </summary>
/// <remarks>
/// The host builds every hosted service before starting the first, and the database is only
/// located when <see cref="DatabaseStartup"/> starts; so the data source is resolved here, late.
/// </remarks>
public sealed class DataVersionListener(IServiceProvider services, ILogger<DataVersionListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var tracker = services.GetRequiredService<DataVersionTracker>();
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _ = ReloadQuietlyAsync(tracker, stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {DepinApi.Import.SeedImporter.NotifyChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                await tracker.ReloadAsync(stoppingToken);
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning("Lost the data-version listener connection ({Message}); retrying in {Delay}", e.Message, delay);
                try { await Task.Delay(delay, stoppingToken); } catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task ReloadQuietlyAsync(DataVersionTracker tracker, CancellationToken cancellationToken)
    {
        try
        {
            var version = await tracker.ReloadAsync(cancellationToken);
            logger.LogInformation("Data version is now {Version}", version?.Id);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Could not reload the data version: {Message}", e.Message);
        }
    }
}
