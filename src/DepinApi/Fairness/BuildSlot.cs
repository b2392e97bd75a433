namespace DepinApi.Fairness;

/// <summary>
/// A request's turn at the <see cref="FairBuildGate"/>, kept in its features while the response is built. It is given
/// back when the first byte of the response is written (<see cref="SlotReleasingResponseBody"/>) or the request ends,
/// whichever comes first; work that waits for something else (a whole-series export's turn) steps aside meanwhile, and
/// a build that is written in steps (a REST response into its buffer) gives way at each step to a newcomer that waits
/// (<see cref="GiveWayAsync"/>).
/// </summary>
public sealed class BuildSlot
{
    private readonly FairBuildGate _gate;
    private readonly string _client;
    private IDisposable? _lease;
    // A large request's place among those built at once (FairBuildGate.IsLarge): given back with the turn, or once a
    // GraphQL document is checked (LeaveLargePlace).
    private IDisposable? _largePlace;

    internal BuildSlot(FairBuildGate gate, string client, IDisposable lease, IDisposable? largePlace = null)
    {
        _gate = gate;
        _client = client;
        _lease = lease;
        _largePlace = largePlace;
    }

    public static BuildSlot? Of(HttpContext http) => http.Features.Get<BuildSlot>();

    /// <summary>True while the request holds its turn.</summary>
    public bool IsHeld => Volatile.Read(ref _lease) is not null;

    /// <summary>Gives the turn back, and a large request's place; again is harmless.</summary>
    public void Release()
    {
        ReleaseTurn();
        LeaveLargePlace();
    }

    /// <summary>
    /// Gives a large request's place back (<see cref="FairBuildGate.IsLarge"/>) and keeps the turn: the rest of the build
    /// costs what any request of its price costs, whatever its length. Again, or for a request that is not large, is
    /// harmless.
    /// </summary>
    public void LeaveLargePlace() => Interlocked.Exchange(ref _largePlace, null)?.Dispose();

    private void ReleaseTurn() => Interlocked.Exchange(ref _lease, null)?.Dispose();

    /// <summary>
    /// Between two steps of a build that is not a newcomer's: when a newcomer waits for a turn, or is built while more
    /// than <see cref="Security.ServerOptions.BuildsBesideNewcomers"/> other builds run, gives the turn back and waits
    /// for one again, before the clients' other queued requests (<see cref="FairShares.TryBeginGivingWay"/>). Does
    /// nothing otherwise.
    /// </summary>
    /// <exception cref="BuildTurnLostException">No turn came again within the gate's wait.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async ValueTask GiveWayAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _lease) is not { } turn || !_gate.TryBeginGivingWay(turn)) return;
        try
        {
            ReleaseTurn();
            var lease = await _gate.TryResumeAsync(_client, cancellationToken).ConfigureAwait(false)
                ?? throw new BuildTurnLostException(_gate.WaitSeconds);
            Interlocked.Exchange(ref _lease, lease)?.Dispose();
        }
        finally
        {
            _gate.EndGivingWay();
        }
    }

    /// <summary>Takes a turn again after <see cref="Release"/>; false when none came within the gate's wait.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async ValueTask<bool> TryRetakeAsync(CancellationToken cancellationToken)
    {
        if (IsHeld) return true;
        var lease = await _gate.TryEnterAsync(_client, cancellationToken).ConfigureAwait(false);
        if (lease is null) return false;
        Interlocked.Exchange(ref _lease, lease)?.Dispose();
        return true;
    }
}
