using System.Threading.RateLimiting;

namespace DepinApi.RateLimiting;

/// <summary>
/// The global limiter handed to ASP.NET Core's rate-limiting middleware: per client, the framework's
/// <see cref="ConcurrencyLimiter"/> (requests in flight, no queue) and then one admission point from the
/// <see cref="RateLimitLedger"/>. A refused request pays nothing.
/// </summary>
internal sealed class ClientRateLimiter(RateLimitLedger ledger) : PartitionedRateLimiter<HttpContext>
{
    private readonly PartitionedRateLimiter<ClientIdentity> _inFlight = PartitionedRateLimiter.Create<ClientIdentity, string>(
        client => RateLimitPartition.GetConcurrencyLimiter(client.PartitionKey, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = client.ConcurrentRequests,
            QueueLimit = 0,
        }));

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
        RequestCharge.Of(resource) is { } charge ? _inFlight.GetStatistics(charge.Client) : null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var charge = RequestCharge.Of(resource);
        if (charge is null)
            return NotLimitedLease.Instance;
        // The middleware asks a second time, waiting, after a refusal; with no queue the answer stands.
        if (charge.Refusal is { } earlier)
            return new RefusedLease(earlier);

        var inFlight = _inFlight.AttemptAcquire(charge.Client);
        if (!inFlight.IsAcquired)
        {
            inFlight.Dispose();
            charge.Refusal = new RateLimitRefusal(RateLimitRefusal.ConcurrencyLimit,
                $"{charge.Client.SentenceSubject} already has " +
                $"{charge.Client.ConcurrentRequests} requests in flight, the most allowed at once; " +
                "retry when one of them has finished.",
                TimeSpan.FromSeconds(1), null);
            return new RefusedLease(charge.Refusal);
        }
        if (!ledger.ChargeAdmission(charge, Math.Max(1, permitCount)))
        {
            inFlight.Dispose();
            return new RefusedLease(charge.Refusal!);
        }
        return inFlight;
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inFlight.Dispose();
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _inFlight.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private sealed class NotLimitedLease : RateLimitLease
    {
        public static readonly NotLimitedLease Instance = new();
        public override bool IsAcquired => true;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class RefusedLease(RateLimitRefusal refusal) : RateLimitLease
    {
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [MetadataName.ReasonPhrase.Name, MetadataName.RetryAfter.Name];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.ReasonPhrase.Name ? refusal.Detail
                : metadataName == MetadataName.RetryAfter.Name && refusal.RetryAfter is { } retryAfter ? retryAfter
                : null;
            return metadata is not null;
        }
    }
}
