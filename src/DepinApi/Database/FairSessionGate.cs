using Microsoft.Extensions.Options;

namespace DepinApi.Database;

/// <summary>
/// Admission to the reader pool, shared fairly between clients: a request takes a place here before it opens a
/// database session and gives it back when the session closes. Each client (<c>RequestCharge.PartitionKeyOf</c>)
/// holds at most <see cref="DatabaseOptions.SessionsPerClient"/> places at once, the server at most the pool less
/// what its own background work uses (<see cref="ReservedForBackground"/>); a request beyond either waits. When a
/// place frees, it goes to the waiting request whose client holds the fewest (the earliest among equals), so a
/// client holding none goes before the queued requests of one holding several. A request waits at most
/// <see cref="DatabaseOptions.SessionWaitSeconds"/>, then fails with <see cref="DatabaseBusyException"/>.
/// </summary>
/// <remarks>
/// Written here rather than built from System.Threading.RateLimiting: its chained and partitioned concurrency
/// limiters cap each client, but their queues hand freed permits out in arrival (or reverse) order only, never by
/// how many permits the waiter's partition already holds, so a client's queued requests would stand in front of a
/// client that holds nothing. Npgsql's own pool queue is first come, first served as well.
/// </remarks>
public sealed class FairSessionGate
{
    /// <summary>Pool connections left to the server's own work: the data-version listener and the readiness check.</summary>
    public const int ReservedForBackground = 2;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    // In arrival order; bounded by the clients' concurrency limits.
    private readonly List<Waiter> _waiting = [];
    private readonly TimeSpan _patience;
    private int _free;

    public FairSessionGate(IOptions<DatabaseOptions> options)
    {
        var settings = options.Value;
        Capacity = Math.Max(1, settings.MaxPoolSize - ReservedForBackground);
        PerClient = Math.Max(1, settings.SessionsPerClient);
        _patience = TimeSpan.FromSeconds(Math.Max(1, settings.SessionWaitSeconds));
        _free = Capacity;
    }

    /// <summary>Sessions requests may hold at once, all clients together.</summary>
    public int Capacity { get; }

    /// <summary>Sessions one client may hold at once.</summary>
    public int PerClient { get; }

    /// <summary>The seconds a request waits for a session before it is refused.</summary>
    public int WaitSeconds => (int)_patience.TotalSeconds;

    /// <summary>Sessions held now, all clients together.</summary>
    public int InUse
    {
        get
        {
            lock (_lock)
                return Capacity - _free;
        }
    }

    /// <summary>Sessions <paramref name="client"/> holds now.</summary>
    public int HeldBy(string client)
    {
        lock (_lock)
            return _held.GetValueOrDefault(client);
    }

    /// <summary>Requests waiting now.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
                return _waiting.Count;
        }
    }

    /// <summary>
    /// Waits for a place for one session of <paramref name="client"/>; disposing the result gives it back (once,
    /// however often it is disposed).
    /// </summary>
    /// <exception cref="DatabaseBusyException">No place came within <see cref="DatabaseOptions.SessionWaitSeconds"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async ValueTask<IDisposable> EnterAsync(string client, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            // Whenever a place is free, no waiter could take it (see Dispatch): taking it now passes nobody.
            if (_free > 0 && _held.GetValueOrDefault(client) < PerClient)
                return Grant(client);
            waiter = new Waiter(client);
            _waiting.Add(waiter);
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(_patience);
        using (patience.Token.Register(() => Abandon(waiter)))
        {
            try
            {
                return await waiter.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                bool atOwnLimit;
                lock (_lock)
                    atOwnLimit = _held.GetValueOrDefault(client) >= PerClient;
                throw new DatabaseBusyException(WaitSeconds, atOwnLimit);
            }
        }
    }

    private void Abandon(Waiter waiter)
    {
        lock (_lock)
        {
            // Already granted: the lease is the caller's, returned with its session.
            if (!_waiting.Remove(waiter)) return;
        }
        waiter.TrySetCanceled();
    }

    private Lease Grant(string client)
    {
        _free--;
        _held[client] = _held.GetValueOrDefault(client) + 1;
        return new Lease(this, client);
    }

    private void Release(string client)
    {
        lock (_lock)
        {
            var held = _held.GetValueOrDefault(client) - 1;
            if (held > 0) _held[client] = held;
            else _held.Remove(client);
            _free++;
            Dispatch();
        }
    }

    // Under the lock. Hands free places to eligible waiters, fewest held first, until none is free or none is eligible.
    private void Dispatch()
    {
        while (_free > 0)
        {
            var best = -1;
            var fewest = int.MaxValue;
            for (var i = 0; i < _waiting.Count; i++)
            {
                var held = _held.GetValueOrDefault(_waiting[i].Client);
                if (held < PerClient && held < fewest)
                {
                    best = i;
                    fewest = held;
                    if (held == 0) break;
                }
            }
            if (best < 0) return;
            var waiter = _waiting[best];
            _waiting.RemoveAt(best);
            // Continuations run asynchronously, so nothing runs under the lock; a waiter still in the list is not
            // cancelled (Abandon removes it under the lock first), so the result is always set.
            waiter.TrySetResult(Grant(waiter.Client));
        }
    }

    private sealed class Waiter(string client) : TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public string Client { get; } = client;
    }

    private sealed class Lease(FairSessionGate gate, string client) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release(client);
        }
    }
}
