using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// The budgets of one process: <see cref="TokenBucketLedger"/> for points and the framework's
/// <see cref="ConcurrencyLimiter"/> (no queue) for requests in flight. The store without Redis, and Redis's fallback.
/// </summary>
internal sealed class InProcessBudgetStore : IClientBudgetStore, IDisposable
{
    private readonly PartitionedRateLimiter<ClientIdentity> _inFlight = PartitionedRateLimiter.Create<ClientIdentity, string>(
        client => RateLimitPartition.GetConcurrencyLimiter(client.PartitionKey, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = client.ConcurrentRequests,
            QueueLimit = 0,
        }));

    public InProcessBudgetStore(IOptions<RateLimitingOptions> options, TimeProvider time) =>
        Buckets = new TokenBucketLedger(time, options.Value.Window);

    internal TokenBucketLedger Buckets { get; }

    public bool AnswersSynchronously => true;

    public TimeSpan WindowLength => Buckets.WindowLength;

    public Admission Admit(ClientIdentity client, long points)
    {
        var rate = BucketRate.Of(client, WindowLength);
        var inFlight = _inFlight.AttemptAcquire(client);
        if (!inFlight.IsAcquired)
        {
            inFlight.Dispose();
            return new Admission(AdmissionOutcome.TooManyInFlight, Buckets.Peek(client.PartitionKey, rate), null);
        }
        var state = Buckets.TryCharge(client.PartitionKey, rate, points);
        if (state.Admitted)
            return new Admission(AdmissionOutcome.Admitted, state, inFlight);
        inFlight.Dispose();
        return new Admission(AdmissionOutcome.OutOfPoints, state, null);
    }

    public ValueTask<Admission> AdmitAsync(ClientIdentity client, long points, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Admit(client, points));

    public ValueTask<BucketState?> ChargeAsync(ClientIdentity client, long points, long alreadyPaid, CancellationToken cancellationToken) =>
        ValueTask.FromResult<BucketState?>(Buckets.TryCharge(client.PartitionKey, BucketRate.Of(client, WindowLength), points, alreadyPaid));

    public BucketState Peek(ClientIdentity client, BucketState? lastSeen) =>
        Buckets.Peek(client.PartitionKey, BucketRate.Of(client, WindowLength));

    public void Dispose() => _inFlight.Dispose();
}
