using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// Loads the current data version once, after <see cref="DatabaseStartup"/> and before the server
/// takes requests, so the very first responses already carry it in their cache keys and ETags
/// instead of waiting for <see cref="DataVersionListener"/> to run in the background.
/// </summary>
public sealed class DataVersionPreload(IServiceProvider services, ILogger<DataVersionPreload> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not in the constructor: the data source needs DatabaseStartup to have run.
        var tracker = services.GetRequiredService<DataVersionTracker>();
        try
        {
            await tracker.ReloadAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The listener keeps trying; until then responses are simply not cached.
            logger.LogWarning(e, "The data version could not be loaded at start-up.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
