namespace DepinApi.RateLimiting;

/// <summary>
/// Where the clients' point buckets and requests in flight are kept: in this process, or in Redis when several
/// replicas must share one budget per client. <see cref="RateLimitLedger"/> decides what a refusal says; a store
/// only counts.
/// </summary>
internal interface IClientBudgetStore
{
    /// <summary>True when the store answers without I/O, so the limiter can answer on its synchronous path.</summary>
    bool AnswersSynchronously { get; }

    TimeSpan WindowLength { get; }

    /// <summary>
    /// Takes one of the client's in-flight places and spends <paramref name="points"/> while the balance is above
    /// zero, both or neither. An admitted request holds <see cref="Admission.InFlight"/> until it ends.
    /// </summary>
    ValueTask<Admission> AdmitAsync(ClientIdentity client, long points, CancellationToken cancellationToken);

    /// <summary>
    /// Spends <paramref name="points"/> (possibly into debt) if the balance plus <paramref name="alreadyPaid"/>, what
    /// the request paid before, is above zero; null when the store cannot answer and must not be replaced.
    /// </summary>
    ValueTask<BucketState?> ChargeAsync(ClientIdentity client, long points, long alreadyPaid, CancellationToken cancellationToken);

    /// <summary>The client's bucket as it stands, given the state the request in hand last saw.</summary>
    BucketState Peek(ClientIdentity client, BucketState? lastSeen);
}

/// <summary>The store's answer to an admission.</summary>
internal enum AdmissionOutcome
{
    Admitted,
    TooManyInFlight,
    OutOfPoints,

    /// <summary>The shared store cannot be reached and <see cref="RedisFailureMode.Refuse"/> is configured.</summary>
    StoreUnavailable,
}

/// <param name="InFlight">Released when the request ends; set only when admitted.</param>
internal readonly record struct Admission(AdmissionOutcome Outcome, BucketState Bucket, IDisposable? InFlight);

/// <summary>What the rate limiter does while the shared store (Redis) cannot be reached.</summary>
public enum RedisFailureMode
{
    /// <summary>Count in this process, as if there were one replica: each replica then grants a whole budget.</summary>
    FallBackToProcess,

    /// <summary>Answer every rate-limited request with 429 until the store is back.</summary>
    Refuse,
}
