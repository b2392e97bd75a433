using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// The budgets of one process: <see cref="WindowLedger"/> for points and the framework's
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
        Windows = new WindowLedger(time, options.Value.Window);

    internal WindowLedger Windows { get; }

    public bool AnswersSynchronously => true;

    public TimeSpan WindowLength => Windows.WindowLength;

    public Admission Admit(ClientIdentity client, long points)
    {
        var inFlight = _inFlight.AttemptAcquire(client);
        if (!inFlight.IsAcquired)
        {
            inFlight.Dispose();
            return new Admission(AdmissionOutcome.TooManyInFlight, Windows.Peek(client.PartitionKey, client.PointsPerWindow), null);
        }
        var state = Windows.TryCharge(client.PartitionKey, client.PointsPerWindow, points);
        if (state.Admitted)
            return new Admission(AdmissionOutcome.Admitted, state, inFlight);
        inFlight.Dispose();
        return new Admission(AdmissionOutcome.OutOfPoints, state, null);
    }

    public ValueTask<Admission> AdmitAsync(ClientIdentity client, long points, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Admit(client, points));

    public ValueTask<WindowState?> ChargeAsync(ClientIdentity client, long points, CancellationToken cancellationToken) =>
        ValueTask.FromResult<WindowState?>(Windows.TryCharge(client.PartitionKey, client.PointsPerWindow, points));

    public WindowState Peek(ClientIdentity client, WindowState? lastSeen) => Windows.Peek(client.PartitionKey, client.PointsPerWindow);

    public void Dispose() => _inFlight.Dispose();
}
