namespace DepinApi.Fairness;

/// <summary>
/// A fixed number of places shared fairly between clients: each client holds at most <see cref="PerClient"/> at once,
/// all clients together at most <see cref="Capacity"/>; a request beyond either waits. When a place frees, it goes to
/// the waiting request whose client holds the fewest, so a client holding none goes before the queued requests of one
/// holding several. Among clients holding as many, the one served least recently goes first (then the earliest
/// request): a client that queued many requests at once is served one at a time in turn with the others, and its
/// queue, however old, does not stand in front of a client that has not been served lately (measured in the attack
/// campaign: with the earliest request first, 16 addresses that queued 128 requests at once kept a newcomer waiting
/// until all of them were built). A <em>newcomer</em>, a request of a client that holds nothing and has no other
/// request under way (a person, a dashboard's one fetch), goes before the queued requests of clients holding as many.
/// Given <c>othersBesideNewcomers</c> (the build gate does), while a newcomer waits or is served the other requests hold
/// at most that many places, and the holders beyond it give way at their next step (<see cref="TryBeginGivingWay"/>,
/// <see cref="BuildSlot.GiveWayAsync"/>): a newcomer's build then shares the cores with that many others, not with
/// every build under way. Measured in the attack campaign: with every place busy, a newcomer waited for a whole build
/// and then shared the cores with three. A request waits at most <see cref="Patience"/>. The one allocation
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
    // Null: no newcomer rules (the session gate); newcomers are then served like any other request.
    private readonly int? _othersBesideNewcomers;
    private int _free;
    private long _grants;
    // Places held by newcomers' requests (the others hold Capacity - _free - _newcomersHeld).
    private int _newcomersHeld;
    // Holders that gave their place back to wait for one again (at most Capacity at once: each keeps what it has built).
    private int _givingWay;

    /// <param name="capacity">Places held at once, all clients together.</param>
    /// <param name="perClient">Places one client may hold at once.</param>
    /// <param name="patience">How long a request waits for a place.</param>
    /// <param name="othersBesideNewcomers">
    /// Places requests other than newcomers' hold at most while a newcomer waits or is served; null for no such limit.
    /// </param>
    public FairShares(int capacity, int perClient, TimeSpan patience, int? othersBesideNewcomers = null)
    {
        Capacity = Math.Max(1, capacity);
        PerClient = Math.Clamp(perClient, 1, Capacity);
        Patience = patience > TimeSpan.Zero ? patience : TimeSpan.FromSeconds(1);
        _othersBesideNewcomers = othersBesideNewcomers is { } others ? Math.Clamp(others, 1, Capacity) : null;
        _free = Capacity;
    }

    /// <summary>Places held at once, all clients together.</summary>
    public int Capacity { get; }

    /// <summary>Places one client may hold at once.</summary>
    public int PerClient { get; }

    /// <summary>How long a request waits for a place before <see cref="TryEnterAsync(string, CancellationToken)"/> gives up.</summary>
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

    /// <summary>Holders that gave way and wait for a place again.</summary>
    public int GivingWay
    {
        get
        {
            lock (_lock)
                return _givingWay;
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
    public ValueTask<IDisposable?> TryEnterAsync(string client, CancellationToken cancellationToken) =>
        TryEnterAsync(client, resuming: false, cancellationToken);

    /// <summary>
    /// As <see cref="TryEnterAsync(string, CancellationToken)"/>; a <paramref name="resuming"/> request (one that gave
    /// way part-built) is never a newcomer, and goes before the other queued requests of clients holding as many.
    /// </summary>
    public async ValueTask<IDisposable?> TryEnterAsync(string client, bool resuming, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            var state = StateOf(client);
            waiter = new Waiter(client, resuming);
            _waiting.Add(waiter);
            state.Waiting++;
            // Whenever a place is free, no waiter could take it (see Dispatch): taking it now passes nobody, as long as
            // the newcomer rule lets this request have it.
            if (_free > 0 && state.Held < PerClient && MayHold(IsNewcomer(waiter, state), state))
            {
                _waiting.RemoveAt(_waiting.Count - 1);
                state.Waiting--;
                return Grant(waiter, state);
            }
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

    /// <summary>
    /// True, and counted until <see cref="EndGivingWay"/>, when the holder of <paramref name="place"/> (a result of
    /// <see cref="TryEnterAsync(string, CancellationToken)"/>) should give it back now and wait for one again: it is not
    /// a newcomer's, and a newcomer of another client waits for a place, or one is served while more than
    /// <c>othersBesideNewcomers</c> places are held by the others. Fewer than <see cref="Capacity"/> holders give way at
    /// once: each still holds what it has built (a database session among it).
    /// </summary>
    public bool TryBeginGivingWay(IDisposable place)
    {
        if (_othersBesideNewcomers is null || place is not Lease { IsNewcomer: false } lease) return false;
        lock (_lock)
        {
            if (_givingWay >= Capacity) return false;
            var newcomerWaits = false;
            foreach (var waiter in _waiting)
            {
                if (waiter.Client != lease.Client && IsNewcomer(waiter, _clients[waiter.Client]))
                {
                    newcomerWaits = true;
                    break;
                }
            }
            var othersHeld = Capacity - _free - _newcomersHeld;
            // A client's own newcomer request holds back only the others.
            var othersNewcomersHeld = _newcomersHeld - _clients[lease.Client].NewcomersHeld;
            if (!newcomerWaits && !(othersNewcomersHeld > 0 && othersHeld > _othersBesideNewcomers)) return false;
            _givingWay++;
            return true;
        }
    }

    /// <summary>Ends what <see cref="TryBeginGivingWay"/> began, once the holder has a place again or gave up.</summary>
    public void EndGivingWay()
    {
        lock (_lock)
            _givingWay--;
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
            // A newcomer that stopped waiting may have been all that held the others back.
            Dispatch();
        }
        waiter.TrySetCanceled();
    }

    // Under the lock. With newcomer rules, a request of a client holding nothing with no other request (this one
    // counted), not resuming.
    private bool IsNewcomer(Waiter waiter, ClientState state) =>
        _othersBesideNewcomers is not null && !waiter.Resuming && state.Held == 0 && state.Waiting == 1;

    // Under the lock. Whether a request may take a free place: a newcomer's always; another while no newcomer waits or
    // is served, or while the others hold fewer than othersBesideNewcomers.
    private bool MayHold(bool newcomer, ClientState state)
    {
        if (newcomer || _othersBesideNewcomers is not { } limit || Capacity - _free - _newcomersHeld < limit) return true;
        // A client's own newcomer request holds back only the others.
        if (_newcomersHeld > state.NewcomersHeld) return false;
        foreach (var waiter in _waiting)
            if (_clients[waiter.Client] != state && IsNewcomer(waiter, _clients[waiter.Client]))
                return false;
        return true;
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

    // Under the lock; the waiter is no longer in the list, the state's Waiting no longer counts it.
    private Lease Grant(Waiter waiter, ClientState state)
    {
        // Judged as it was waiting: with its own request counted.
        state.Waiting++;
        var newcomer = IsNewcomer(waiter, state);
        state.Waiting--;
        _free--;
        if (newcomer)
        {
            _newcomersHeld++;
            state.NewcomersHeld++;
        }
        state.Held++;
        state.LastGrant = ++_grants;
        return new Lease(this, waiter.Client, newcomer);
    }

    private void Release(Lease lease)
    {
        lock (_lock)
        {
            var state = _clients[lease.Client];
            state.Held--;
            if (lease.IsNewcomer)
            {
                _newcomersHeld--;
                state.NewcomersHeld--;
            }
            Forget(lease.Client, state);
            _free++;
            Dispatch();
        }
    }

    // Under the lock. Hands free places to eligible waiters, fewest held first, then newcomers, then requests resuming
    // after giving way, then the client served least recently, then the earliest request, until none is free or the
    // first in that order may not take one.
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
                if (chosen is null || GoesBefore(_waiting[i], state, _waiting[best], chosen))
                {
                    best = i;
                    chosen = state;
                }
            }
            if (chosen is null) return;
            var waiter = _waiting[best];
            // Newcomers go first, so when the first may not take the place, no other waiter may either.
            if (!MayHold(IsNewcomer(waiter, chosen), chosen)) return;
            _waiting.RemoveAt(best);
            chosen.Waiting--;
            // Continuations run asynchronously, so nothing runs under the lock; a waiter still in the list is not
            // cancelled (Abandon removes it under the lock first), so the result is always set.
            waiter.TrySetResult(Grant(waiter, chosen));
        }
    }

    // Under the lock. Whether a waiter goes before the one chosen so far (which came earlier in the list).
    private bool GoesBefore(Waiter waiter, ClientState state, Waiter chosenWaiter, ClientState chosen)
    {
        if (state.Held != chosen.Held) return state.Held < chosen.Held;
        var newcomer = IsNewcomer(waiter, state);
        if (newcomer != IsNewcomer(chosenWaiter, chosen)) return newcomer;
        if (waiter.Resuming != chosenWaiter.Resuming) return waiter.Resuming;
        return state.LastGrant < chosen.LastGrant;
    }

    private sealed class ClientState
    {
        public int Held;
        public int Waiting;
        // Places held by its requests that were newcomers' when granted.
        public int NewcomersHeld;
        // The number of the client's latest grant; 0 for never (or not since it last held and awaited nothing).
        public long LastGrant;
    }

    private sealed class Waiter(string client, bool resuming) : TaskCompletionSource<IDisposable?>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public string Client { get; } = client;

        // Gave way part-built: holds what it has built (a database session among it) while it waits.
        public bool Resuming { get; } = resuming;
    }

    private sealed class Lease(FairShares shares, string client, bool newcomer) : IDisposable
    {
        private int _released;

        public string Client { get; } = client;

        public bool IsNewcomer { get; } = newcomer;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                shares.Release(this);
        }
    }
}
