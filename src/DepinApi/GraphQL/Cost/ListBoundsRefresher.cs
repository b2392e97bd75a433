using DepinApi.Database;
using DepinApi.ReadModel;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DepinApi.GraphQL.Cost;

/// <summary>
/// Keeps <see cref="FieldCosts.Current"/> in step with the data: read at start, read again as soon as
/// <see cref="DataVersionTracker"/> learns of a new data version, and retried every few seconds while it lags behind
/// the tracker (a failed read, a missed change). The read has a timeout of its own
/// (<see cref="GraphQLApiOptions.ListBoundsTimeoutSeconds"/>): under a request's, a large database's read never finished
/// and was started again every few seconds, keeping Postgres busy and the bounds unread.
/// </summary>
/// <remarks>
/// Registered after <see cref="DatabaseStartup"/>: the data source exists only once it has started. Between an
/// import committing and this instance reloading (at once with LISTEN, up to <c>VersionPollSeconds</c> on a standby),
/// the new version is charged by the previous bounds.
/// </remarks>
internal sealed class ListBoundsRefresher(IServiceProvider services, FieldCosts costs, ILogger<ListBoundsRefresher> logger)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private DataVersionTracker? tracker;
    private Timer? timer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        tracker = services.GetRequiredService<DataVersionTracker>();
        tracker.Changed += OnChanged;
        await RefreshAsync(force: true, cancellationToken);
        timer = new Timer(_ => _ = RefreshAsync(force: false, stopping.Token), null, RetryInterval, RetryInterval);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (tracker is not null) tracker.Changed -= OnChanged;
        if (timer is not null) await timer.DisposeAsync();
        // A host that failed to start (or was disposed first) may stop a service whose source is already gone.
        try
        {
            await stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        timer?.Dispose();
        stopping.Dispose();
        gate.Dispose();
    }

    private void OnChanged(DataVersionInfo version) => _ = RefreshAsync(force: false, stopping.Token);

    private async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        // Nothing to catch up with: bounds as new as the newest version this instance knows, or no data yet.
        if (!force && (tracker?.Current is not { } newest || costs.Current?.Version >= newest.Id)) return;
        if (!await gate.WaitAsync(0, cancellationToken)) return;
        try
        {
            var bounds = await ListBounds.ReadAsync(services.GetRequiredService<NpgsqlDataSource>(),
                services.GetRequiredService<IOptions<GraphQLApiOptions>>().Value.ListBoundsTimeoutSeconds, cancellationToken);
            if (bounds is not null && bounds.Version != costs.Current?.Version)
                logger.LogInformation("List bounds for the GraphQL cost read at data version {Version}", bounds.Version);
            costs.Current = bounds ?? costs.Current;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            if (!cancellationToken.IsCancellationRequested)
                logger.LogWarning("Could not read the list bounds for the GraphQL cost ({Message}); retrying", e.Message);
        }
        finally
        {
            gate.Release();
        }
    }
}
