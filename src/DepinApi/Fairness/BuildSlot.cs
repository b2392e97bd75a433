namespace DepinApi.Fairness;

/// <summary>
/// A request's turn at the <see cref="FairBuildGate"/>, kept in its features while the response is built. It is given
/// back when the first byte of the response is written (<see cref="SlotReleasingResponseBody"/>) or the request ends,
/// whichever comes first; work that waits for something else (a whole-series export's turn) steps aside meanwhile.
/// </summary>
public sealed class BuildSlot
{
    private readonly FairBuildGate _gate;
    private readonly string _client;
    private IDisposable? _lease;

    internal BuildSlot(FairBuildGate gate, string client, IDisposable lease)
    {
        _gate = gate;
        _client = client;
        _lease = lease;
    }

    public static BuildSlot? Of(HttpContext http) => http.Features.Get<BuildSlot>();

    /// <summary>True while the request holds its turn.</summary>
    public bool IsHeld => Volatile.Read(ref _lease) is not null;

    /// <summary>Gives the turn back; again is harmless.</summary>
    public void Release() => Interlocked.Exchange(ref _lease, null)?.Dispose();

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
