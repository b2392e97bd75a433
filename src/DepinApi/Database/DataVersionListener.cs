using Microsoft.Extensions.Options;
using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// Listens for the importer's <c>NOTIFY depin_data_version</c> so a running server learns of a
/// new data version at once; reloads after every (re)connection in case it missed one.
/// </summary>
/// <remarks>
/// <para>
/// The host builds every hosted service before starting the first, and the database is only
/// located when <see cref="DatabaseStartup"/> starts; so the data source is resolved here, late.
/// </para>
/// <para>
/// A hot standby (or any read-only session) refuses <c>LISTEN</c>, and notifications are not
/// replicated anyway: on such a connection the server polls <c>data_versions</c> every
/// <see cref="DatabaseOptions.VersionPollSeconds"/> instead. Polling the standby itself also
/// means a new version is taken up only once the standby has replayed the import.
/// </para>
/// </remarks>
public sealed class DataVersionListener(IServiceProvider services, ILogger<DataVersionListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var tracker = services.GetRequiredService<DataVersionTracker>();
        var pollInterval = TimeSpan.FromSeconds(Math.Max(1, services.GetRequiredService<IOptions<DatabaseOptions>>().Value.VersionPollSeconds));
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _ = ReloadQuietlyAsync(tracker, stoppingToken);
                if (!await TryListenAsync(connection, stoppingToken))
                {
                    await connection.CloseAsync();
                    await PollAsync(tracker, pollInterval, stoppingToken);
                    return;
                }
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

    /// <summary>LISTENs; false when the server refuses it for being read-only (a standby in recovery, a read-only session).</summary>
    private static async Task<bool> TryListenAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var listen = new NpgsqlCommand($"LISTEN {DepinApi.Import.SeedImporter.NotifyChannel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction)
        {
            return false;
        }
    }

    private async Task PollAsync(DataVersionTracker tracker, TimeSpan interval, CancellationToken stoppingToken)
    {
        logger.LogInformation("The database refuses LISTEN (a standby or a read-only session); reading the data version every {Interval} instead", interval);
        using var timer = new PeriodicTimer(interval);
        do
            await ReloadQuietlyAsync(tracker, stoppingToken);
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ReloadQuietlyAsync(DataVersionTracker tracker, CancellationToken cancellationToken)
    {
        try
        {
            var before = tracker.Current?.Id;
            var version = await tracker.ReloadAsync(cancellationToken);
            if (version?.Id != before)
                logger.LogInformation("Data version is now {Version}", version?.Id);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Could not reload the data version: {Message}", e.Message);
        }
    }
}
