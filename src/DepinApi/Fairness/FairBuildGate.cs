using DepinApi.Observability;
using DepinApi.Security;
using Microsoft.Extensions.Options;

namespace DepinApi.Fairness;

/// <summary>
/// Turns at building a response, shared fairly between clients: <see cref="ServerOptions.ConcurrentBuilds"/> requests
/// (twice the processor count by default) are built at once, all clients together, and when a turn frees it goes to the waiting
/// request whose client holds the fewest turns (<see cref="FairShares"/>). A client with one request in flight is
/// therefore served next, not after the hundred another client started at once: without this, every request in the
/// server shares the cores and the thread pool's first-come queue, so one request's latency is the whole burst's.
/// One client may take every turn while nobody else waits, so a single client's concurrent requests still use every
/// core. A turn is held while the response is built (database reads and serialisation into its buffer) and given
/// back before the first byte is written (<see cref="BuildSlot"/>), so a slow reader holds none. While a newcomer (a
/// client with one request, holding no turn) waits or is built, the other requests are built at most
/// <see cref="ServerOptions.BuildsBesideNewcomers"/> at a time, and the builds beyond that give way at their next step
/// (<see cref="BuildSlot.GiveWayAsync"/>): a person's request shares the cores with that many floods, not with all.
/// A <em>large</em> request (<see cref="ServerOptions.LargeRequestBytes"/>) first waits for a place among the
/// <see cref="ServerOptions.ConcurrentLargeBuilds"/> large requests built at once, handed out the same way, and only
/// then for a turn: parsing and checking a GraphQL document takes time and memory in proportion to its length, and
/// large documents that held every turn while they were checked left a newcomer waiting behind them and sharing the
/// cores with them (measured in the attack campaign's field-merge class, docs/security.md). A GraphQL document leaves
/// its place once it is checked (<see cref="BuildSlot.LeaveLargePlace"/>): executing it is paid by its cost like any
/// other, and a slow execution does not keep other clients' large documents waiting.
/// </summary>
/// <remarks>
/// The default, twice the cores: with one turn per core, a core idled through every build's round trip to Postgres and
/// each freed turn woke a sleeping worker; measured with the load harness, four turns on two cores served a third more
/// uncached REST and GraphQL requests per second than two, with every p99 within 2.5× its p50, and the attack campaign
/// passed as before (docs/performance.md, <em>Means</em>, <em>Twice the cores built at once</em>).
/// </remarks>
public sealed class FairBuildGate
{
    private readonly FairShares _shares;
    private readonly FairShares _largeRequests;
    private readonly long _largeRequestBytes;

    public FairBuildGate(IOptions<ServerOptions> options, DepinMetrics? metrics = null)
    {
        var settings = options.Value;
        var capacity = settings.EffectiveConcurrentBuilds;
        // No cap per client below the whole: fairness comes from who gets a freed turn, not from idle turns.
        _shares = new FairShares(capacity, capacity, TimeSpan.FromSeconds(Math.Max(1, settings.BuildWaitSeconds)),
            othersBesideNewcomers: settings.BuildsBesideNewcomers);
        metrics?.ObserveBuilds(() => _shares.InUse, () => _shares.Waiting);
        _largeRequests = new FairShares(settings.ConcurrentLargeBuilds, settings.ConcurrentLargeBuilds,
            _shares.Patience);
        _largeRequestBytes = settings.LargeRequestBytes > 0 ? settings.LargeRequestBytes : long.MaxValue;
    }

    /// <summary>Large requests built at once, all clients together.</summary>
    public int LargeCapacity => _largeRequests.Capacity;

    /// <summary>Places of large requests held now.</summary>
    public int LargeInUse => _largeRequests.InUse;

    /// <summary>Large requests waiting now for a place among those built at once (and not yet for a turn).</summary>
    public int LargeWaiting => _largeRequests.Waiting;

    /// <summary>Whether <paramref name="request"/> is large (<see cref="ServerOptions.LargeRequestBytes"/>).</summary>
    public bool IsLarge(HttpRequest request)
    {
        // A body sent in chunks, of a length unknown until it is read, may be as long as the server accepts.
        var body = request.ContentLength ?? (request.Headers.TransferEncoding.Count > 0 ? long.MaxValue : 0);
        return Math.Max(body, request.QueryString.Value?.Length ?? 0) > _largeRequestBytes;
    }

    /// <summary>
    /// A place among the large requests built at once for <paramref name="client"/>, given back when disposed; null
    /// when none came within <see cref="WaitSeconds"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public ValueTask<IDisposable?> TryEnterLargeAsync(string client, CancellationToken cancellationToken) =>
        _largeRequests.TryEnterAsync(client, cancellationToken);

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

    /// <summary>A turn again for a build of <paramref name="client"/> that gave way (<see cref="BuildSlot.GiveWayAsync"/>).</summary>
    internal ValueTask<IDisposable?> TryResumeAsync(string client, CancellationToken cancellationToken) =>
        _shares.TryEnterAsync(client, resuming: true, cancellationToken);

    /// <inheritdoc cref="FairShares.TryBeginGivingWay"/>
    internal bool TryBeginGivingWay(IDisposable turn) => _shares.TryBeginGivingWay(turn);

    /// <inheritdoc cref="FairShares.EndGivingWay"/>
    internal void EndGivingWay() => _shares.EndGivingWay();

    /// <summary>Builds that gave way and wait for a turn again.</summary>
    public int GivingWay => _shares.GivingWay;
}
