using DepinApi.Observability;
using DepinApi.Security;
using Microsoft.Extensions.Options;

namespace DepinApi.Fairness;

/// <summary>
/// Turns at building a response, shared fairly between clients: <see cref="ServerOptions.ConcurrentBuilds"/> requests
/// (twice the cores by default) are built at once, all clients together, and when a turn frees it goes to the waiting
/// request whose client holds the fewest turns (<see cref="FairShares"/>). A client with one request in flight is
/// therefore served next, not after the hundred another client started at once: without this, every request in the
/// server shares the cores and the thread pool's first-come queue, so one request's latency is the whole burst's.
/// One client may take every turn while nobody else waits, so a single client's concurrent requests still use every
/// core. A turn is held while the response is built (database reads and serialisation into its buffer) and given
/// back before the first byte is written (<see cref="BuildSlot"/>), so a slow reader holds none.
/// </summary>
/// <remarks>
/// The default, twice the cores rather than the cores: a build also waits for Postgres (on the same machine, or
/// across a network), and a core left idle meanwhile is throughput lost; more than that only lengthens every
/// request's share of the cores without serving anyone sooner.
/// </remarks>
public sealed class FairBuildGate
{
    private readonly FairShares _shares;

    public FairBuildGate(IOptions<ServerOptions> options, DepinMetrics? metrics = null)
    {
        var settings = options.Value;
        var capacity = settings.EffectiveConcurrentBuilds;
        // No cap per client below the whole: fairness comes from who gets a freed turn, not from idle turns.
        _shares = new FairShares(capacity, capacity, TimeSpan.FromSeconds(Math.Max(1, settings.BuildWaitSeconds)));
        metrics?.ObserveBuilds(() => _shares.InUse, () => _shares.Waiting);
    }

    /// <summary>Requests built at once, all clients together.</summary>
    public int Capacity => _shares.Capacity;

    /// <summary>The seconds a request waits for its turn before it is refused.</summary>
    public int WaitSeconds => (int)_shares.Patience.TotalSeconds;

    /// <summary>Turns held now.</summary>
    public int InUse => _shares.InUse;

    /// <summary>Requests waiting now.</summary>
    public int Waiting => _shares.Waiting;

    /// <summary>Turns <paramref name="client"/> holds now.</summary>
    public int HeldBy(string client) => _shares.HeldBy(client);

    /// <summary>A turn for <paramref name="client"/>, given back when disposed; null when none came within <see cref="WaitSeconds"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public ValueTask<IDisposable?> TryEnterAsync(string client, CancellationToken cancellationToken) =>
        _shares.TryEnterAsync(client, cancellationToken);
}
