using System.Threading.RateLimiting;

namespace DepinApi.RateLimiting;

/// <summary>
/// The global limiter handed to ASP.NET Core's rate-limiting middleware: per client, an in-flight place (no queue)
/// and one admission point, both from the <see cref="RateLimitLedger"/>'s store. A refused request pays nothing.
/// </summary>
/// <remarks>
/// The middleware first asks synchronously and, when refused, once more asynchronously. The in-process store answers
/// the first question; a shared store declines it without a refusal and answers the second, so no thread blocks on Redis.
/// </remarks>
internal sealed class ClientRateLimiter(RateLimitLedger ledger) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var charge = RequestCharge.Of(resource);
        if (charge is null)
            return NotLimitedLease.Instance;
        if (charge.Refusal is { } earlier)
            return new RefusedLease(earlier);
        if (!ledger.Store.AnswersSynchronously)
            return DeferredLease.Instance;
        return LeaseOf(ledger.Admit(charge, Math.Max(1, permitCount)), charge);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        var charge = RequestCharge.Of(resource);
        if (charge is null)
            return NotLimitedLease.Instance;
        // After a refusal on the synchronous path, with no queue, the answer stands.
        if (charge.Refusal is { } earlier)
            return new RefusedLease(earlier);
        if (ledger.Store.AnswersSynchronously)
            return LeaseOf(ledger.Admit(charge, Math.Max(1, permitCount)), charge);
        return LeaseOf(await ledger.AdmitAsync(charge, Math.Max(1, permitCount), cancellationToken), charge);
    }

    private static RateLimitLease LeaseOf(Admission admission, RequestCharge charge) =>
        admission.Outcome == AdmissionOutcome.Admitted
            ? new AdmittedLease(admission.InFlight)
            : new RefusedLease(charge.Refusal!);

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

    /// <summary>Not yet decided: the shared store is asked on the asynchronous path.</summary>
    private sealed class DeferredLease : RateLimitLease
    {
        public static readonly DeferredLease Instance = new();
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    /// <summary>Holds the request's in-flight place until the middleware disposes the lease as the request ends.</summary>
    private sealed class AdmittedLease(IDisposable? inFlight) : RateLimitLease
    {
        public override bool IsAcquired => true;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inFlight?.Dispose();
            base.Dispose(disposing);
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
