using DepinApi.Database;
using Microsoft.AspNetCore.OutputCaching;

namespace DepinApi.Rest.Infrastructure;

/// <summary>Drops every cached REST response as soon as the tracker learns of a new data version.</summary>
/// <remarks>
/// The tracker is resolved when this service starts, not when it is constructed: every hosted
/// service is constructed before the first starts, and the tracker needs the database that start-up locates.
/// </remarks>
public sealed class OutputCacheEviction(IServiceProvider services, IOutputCacheStore store, ILogger<OutputCacheEviction> logger)
    : IHostedService
{
    private DataVersionTracker? tracker;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        tracker = services.GetRequiredService<DataVersionTracker>();
        tracker.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (tracker is not null)
            tracker.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(DataVersionInfo version) => _ = EvictAsync(version);

    private async Task EvictAsync(DataVersionInfo version)
    {
        try
        {
            await store.EvictByTagAsync(DataVersionCachePolicy.Tag, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The version is part of every cache key, so a failed eviction wastes memory but never serves stale data.
            logger.LogWarning(e, "Could not evict cached responses after data version {Version}.", version.Id);
        }
    }
}
