namespace DepinApi.Fairness;

/// <summary>
/// A fixed number of places shared fairly between clients: each client holds at most <see cref="PerClient"/> at once,
/// all clients together at most <see cref="Capacity"/>; a request beyond either waits. When a place frees, it goes to
/// the waiting request whose client holds the fewest, so a client holding none goes before the queued requests of one
/// holding several. Among clients holding as many, the one served least recently goes first (then the earliest
/// request): a client that queued many requests at once is served one at a time in turn with the others, and its
/// queue, however old, does not stand in front of a client that has not been served lately (measured in the attack
/// campaign: with the earliest request first, 16 addresses that queued 128 requests at once kept a newcomer waiting
/// until all of them were built). A request waits at most <see cref="Patience"/>. The one allocation
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
    // Only clients holding or waiting for a place: one that has neither is forgotten, and counts as never served.
    private readonly Dictionary<string, ClientState> _clients = new(StringComparer.Ordinal);
    // In arrival order; bounded by the clients' concurrency limits.
    private readonly List<Waiter> _waiting = [];
    private int _free;
    private long _grants;

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
            return _clients.GetValueOrDefault(client)?.Held ?? 0;
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
            var state = StateOf(client);
            if (_free > 0 && state.Held < PerClient)
                return Grant(client, state);
            waiter = new Waiter(client);
            _waiting.Add(waiter);
            state.Waiting++;
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
            var state = _clients[waiter.Client];
            state.Waiting--;
            Forget(waiter.Client, state);
        }
        waiter.TrySetCanceled();
    }

    // Under the lock.
    private ClientState StateOf(string client)
    {
        if (!_clients.TryGetValue(client, out var state))
            _clients[client] = state = new ClientState();
        return state;
    }

    // Under the lock.
    private void Forget(string client, ClientState state)
    {
        if (state.Held == 0 && state.Waiting == 0)
            _clients.Remove(client);
    }

    // Under the lock.
    private Lease Grant(string client, ClientState state)
    {
        _free--;
        state.Held++;
        state.LastGrant = ++_grants;
        return new Lease(this, client);
    }

    private void Release(string client)
    {
        lock (_lock)
        {
            var state = _clients[client];
            state.Held--;
            Forget(client, state);
            _free++;
            Dispatch();
        }
    }

    // Under the lock. Hands free places to eligible waiters, fewest held first, then the client served least recently,
    // then the earliest request, until none is free or none is eligible.
    private void Dispatch()
    {
        while (_free > 0)
        {
            var best = -1;
            ClientState? chosen = null;
            for (var i = 0; i < _waiting.Count; i++)
            {
                var state = _clients[_waiting[i].Client];
                if (state.Held >= PerClient) continue;
                if (chosen is null || state.Held < chosen.Held || (state.Held == chosen.Held && state.LastGrant < chosen.LastGrant))
                {
                    best = i;
                    chosen = state;
                    // Holding none and never served (or forgotten since): nobody later in the list can go before it.
                    if (state.Held == 0 && state.LastGrant == 0) break;
                }
            }
            if (chosen is null) return;
            var waiter = _waiting[best];
            _waiting.RemoveAt(best);
            chosen.Waiting--;
            // Continuations run asynchronously, so nothing runs under the lock; a waiter still in the list is not
            // cancelled (Abandon removes it under the lock first), so the result is always set.
            waiter.TrySetResult(Grant(waiter.Client, chosen));
        }
    }

    private sealed class ClientState
    {
        public int Held;
        public int Waiting;
        // The number of the client's latest grant; 0 for never (or not since it last held and awaited nothing).
        public long LastGrant;
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
