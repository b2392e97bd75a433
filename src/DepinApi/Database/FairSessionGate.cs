using DepinApi.Fairness;
using Microsoft.Extensions.Options;

namespace DepinApi.Database;

/// <summary>
/// Admission to the reader pool, shared fairly between clients: a request takes a place here before it opens a
/// database session and gives it back when the session closes. Each client (<c>RequestCharge.PartitionKeyOf</c>)
/// holds at most <see cref="DatabaseOptions.SessionsPerClient"/> places at once, the server at most the pool less
/// what its own background work uses (<see cref="ReservedForBackground"/>); a request beyond either waits. When a
/// place frees, it goes to the waiting request whose client holds the fewest (among equals, the client served least
/// recently), so a client holding none goes before the queued requests of one holding several (<see cref="FairShares"/>,
/// which says why not System.Threading.RateLimiting). A request waits at most <see cref="DatabaseOptions.SessionWaitSeconds"/>,
/// then fails with <see cref="DatabaseBusyException"/>.
/// </summary>
public sealed class FairSessionGate
{
    /// <summary>Pool connections left to the server's own work: the data-version listener and the readiness check.</summary>
    public const int ReservedForBackground = 2;

    private readonly FairShares _shares;

    public FairSessionGate(IOptions<DatabaseOptions> options)
    {
        var settings = options.Value;
        _shares = new FairShares(
            Math.Max(1, settings.MaxPoolSize - ReservedForBackground),
            Math.Max(1, settings.SessionsPerClient),
            TimeSpan.FromSeconds(Math.Max(1, settings.SessionWaitSeconds)));
    }

    /// <summary>Sessions requests may hold at once, all clients together.</summary>
    public int Capacity => _shares.Capacity;

    /// <summary>Sessions one client may hold at once.</summary>
    public int PerClient => _shares.PerClient;

    /// <summary>The seconds a request waits for a session before it is refused.</summary>
    public int WaitSeconds => (int)_shares.Patience.TotalSeconds;

    /// <summary>Sessions held now, all clients together.</summary>
    public int InUse => _shares.InUse;

    /// <summary>Sessions <paramref name="client"/> holds now.</summary>
    public int HeldBy(string client) => _shares.HeldBy(client);

    /// <summary>Requests waiting now.</summary>
    public int Waiting => _shares.Waiting;

    /// <summary>
    /// Waits for a place for one session of <paramref name="client"/>; disposing the result gives it back (once,
    /// however often it is disposed).
    /// </summary>
    /// <exception cref="DatabaseBusyException">No place came within <see cref="DatabaseOptions.SessionWaitSeconds"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async ValueTask<IDisposable> EnterAsync(string client, CancellationToken cancellationToken) =>
        await _shares.TryEnterAsync(client, cancellationToken).ConfigureAwait(false)
        ?? throw new DatabaseBusyException(WaitSeconds, atOwnLimit: HeldBy(client) >= PerClient);
}
