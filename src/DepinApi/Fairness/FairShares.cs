namespace DepinApi.Fairness;

/// <summary>
/// A fixed number of places shared fairly between clients: each client holds at most <see cref="PerClient"/> at once,
/// all clients together at most <see cref="Capacity"/>; a request beyond either waits. When a place frees, it goes to
/// the waiting request whose client holds the fewest (the earliest among equals), so a client holding none goes before
/// the queued requests of one holding several. A request waits at most <see cref="Patience"/>. The one allocation
/// policy behind both the database-session gate (<see cref="Database.FairSessionGate"/>) and the build gate
/// (<see cref="FairBuildGate"/>).
/// </summary>
/// <remarks>
/// Written here rather than built from System.Threading.RateLimiting: its chained and partitioned concurrency
/// limiters cap each client, but their queues hand freed permits out in arrival (or reverse) order only, never by
/// how many permits the waiter's partition already holds, so a client's queued requests would stand in front of a
/// client that holds nothing. Npgsql's own pool queue and the thread pool are first come, first served as well.
/// </remarks>
public sealed class FairShares
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);
    // In arrival order; bounded by the clients' concurrency limits.
    private readonly List<Waiter> _waiting = [];
    private int _free;

    public FairShares(int capacity, int perClient, TimeSpan patience)
    {
        Capacity = Math.Max(1, capacity);
        PerClient = Math.Clamp(perClient, 1, Capacity);
        Patience = patience > TimeSpan.Zero ? patience : TimeSpan.FromSeconds(1);
        _free = Capacity;
    }

    /// <summary>Places held at once, all clients together.</summary>
    public int Capacity { get; }

    /// <summary>Places one client may hold at once.</summary>
    public int PerClient { get; }

    /// <summary>How long a request waits for a place before <see cref="TryEnterAsync"/> gives up.</summary>
    public TimeSpan Patience { get; }

    /// <summary>Places held now, all clients together.</summary>
    public int InUse
    {
        get
        {
            lock (_lock)
                return Capacity - _free;
        }
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

    /// <summary>Places <paramref name="client"/> holds now.</summary>
    public int HeldBy(string client)
    {
        lock (_lock)
            return _held.GetValueOrDefault(client);
    }

    /// <summary>
    /// Waits for a place for <paramref name="client"/>; disposing the result gives it back (once, however often it is
    /// disposed). Null when none came within <see cref="Patience"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async ValueTask<IDisposable?> TryEnterAsync(string client, CancellationToken cancellationToken)
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
        patience.CancelAfter(Patience);
        using (patience.Token.Register(() => Abandon(waiter)))
        {
            try
            {
                return await waiter.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private void Abandon(Waiter waiter)
    {
        lock (_lock)
        {
            // Already granted: the lease is the caller's, returned when it is disposed.
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

    private sealed class Waiter(string client) : TaskCompletionSource<IDisposable?>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public string Client { get; } = client;
    }

    private sealed class Lease(FairShares shares, string client) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                shares.Release(client);
        }
    }
}
