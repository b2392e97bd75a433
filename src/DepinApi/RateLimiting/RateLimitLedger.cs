using System.Globalization;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// <see cref="IRateLimitLedger"/> over an <see cref="IClientBudgetStore"/> (this process's, or Redis shared by every
/// replica): the admission point charged by the rate limiter and the rest of a request's cost charged later both come
/// out of the same refilling bucket. Here refusals are worded; the store only counts.
/// </summary>
internal sealed class RateLimitLedger(IClientBudgetStore store, IOptions<RateLimitingOptions> options) : IRateLimitLedger
{
    public const string StoreUnavailableLimit = "shared-budget-unavailable";

    internal IClientBudgetStore Store => store;

    /// <summary>The admission charge: an in-flight place and <paramref name="points"/>; refuses (and records why) otherwise.</summary>
    internal Admission Admit(RequestCharge charge, long points)
    {
        if (store is not InProcessBudgetStore local)
            throw new InvalidOperationException("The shared store answers asynchronously only.");
        return Settle(charge, points, local.Admit(charge.Client, points));
    }

    /// <inheritdoc cref="Admit"/>
    internal async ValueTask<Admission> AdmitAsync(RequestCharge charge, long points, CancellationToken cancellationToken) =>
        Settle(charge, points, await store.AdmitAsync(charge.Client, points, cancellationToken));

    private Admission Settle(RequestCharge charge, long points, Admission admission)
    {
        lock (charge)
        {
            charge.LastSeen = admission.Bucket;
            switch (admission.Outcome)
            {
                case AdmissionOutcome.Admitted:
                    charge.Charged += points;
                    break;
                case AdmissionOutcome.TooManyInFlight:
                    charge.Refusal = new RateLimitRefusal(RefusalLimits.ConcurrentRequests,
                        $"{charge.Client.SentenceSubject} already has " +
                        $"{charge.Client.ConcurrentRequests} requests in flight, the most allowed at once; " +
                        "retry when one of them has finished.",
                        TimeSpan.FromSeconds(1), null);
                    break;
                case AdmissionOutcome.OutOfPoints:
                    charge.Refusal = new RateLimitRefusal(RefusalLimits.PointsPerWindow,
                        $"{charge.Client.SentenceSubject} has spent its budget ({Budget(admission.Bucket)}; " +
                        $"{PointPrices.InBrief}). {Restored(admission.Bucket)}",
                        UntilAdmitted(admission.Bucket), admission.Bucket.FullAt);
                    break;
                default:
                    charge.Refusal = StoreUnavailable();
                    break;
            }
        }
        return admission;
    }

    public async ValueTask<RateLimitCharge> ChargeRequestAsync(HttpContext httpContext, long totalCost)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentOutOfRangeException.ThrowIfNegative(totalCost);
        var charge = RequestCharge.Of(httpContext);
        if (charge is null)
            return new RateLimitCharge(true, totalCost, null, null, null);
        long difference, alreadyPaid;
        lock (charge)
        {
            // Reserved before the store is asked, so a second charge of the same request meanwhile asks only for the rest.
            alreadyPaid = charge.Charged;
            difference = totalCost - alreadyPaid;
            if (difference <= 0)
                return new RateLimitCharge(true, totalCost, StatusOf(store.Peek(charge.Client, charge.LastSeen), charge), null, null);
            charge.Charged += difference;
        }
        var state = await store.ChargeAsync(charge.Client, difference, alreadyPaid, httpContext.RequestAborted);
        lock (charge)
        {
            if (state is { Admitted: true } admitted)
            {
                charge.LastSeen = admitted;
                return new RateLimitCharge(true, totalCost, StatusOf(admitted, charge), null, null);
            }
            charge.Charged -= difference;
            if (state is not { } refused)
            {
                charge.Refusal = StoreUnavailable();
                return new RateLimitCharge(false, totalCost, null, charge.Refusal.RetryAfter, charge.Refusal.Detail);
            }
            charge.LastSeen = refused;
            // Refused only when the client's other requests took the balance to zero or below since this one was
            // admitted: any cost can be paid from a balance above zero, so waiting always helps.
            var detail = $"This request costs {totalCost} points, and {charge.Client.Description}'s other requests have " +
                $"spent its budget ({Budget(refused)}). {Restored(refused)}";
            var retryAfter = UntilAdmitted(refused);
            charge.Refusal = new RateLimitRefusal(RefusalLimits.PointsPerWindow, detail, retryAfter, refused.FullAt);
            return new RateLimitCharge(false, totalCost, StatusOf(refused, charge), retryAfter, detail);
        }
    }

    public RateLimitStatus? GetStatus(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var charge = RequestCharge.Of(httpContext);
        if (charge is null)
            return null;
        lock (charge)
            return StatusOf(store.Peek(charge.Client, charge.LastSeen), charge);
    }

    private static RateLimitStatus StatusOf(BucketState state, RequestCharge charge) =>
        new(state.Limit, state.Remaining, state.FullAt, state.PositiveAt, state.Rate.PointsPerSecond, charge.Charged);

    private RateLimitRefusal StoreUnavailable() => new(StoreUnavailableLimit,
        "The shared rate-limit store does not answer, and this service is set to refuse requests rather than count " +
        "them without it. Retry in a few seconds.", TimeSpan.FromSeconds(options.Value.RedisRetrySeconds), null);

    /// <summary>How long until the balance is above zero; a whole second at least, as Retry-After says.</summary>
    private static TimeSpan UntilAdmitted(BucketState state) => state.PositiveAt - state.At;

    private static string Budget(BucketState state) =>
        $"{state.Rate.PointsPerWindow} points per " +
        $"{(state.Rate.WindowMilliseconds / 1000.0).ToString(CultureInfo.InvariantCulture)} s, refilled continuously, " +
        $"at most {state.Limit} available at once";

    private static string Restored(BucketState state) =>
        $"Requests are admitted again once the balance is above zero, at {RateLimitHeaders.Stamp(state.PositiveAt)} " +
        $"(in {RateLimitHeaders.Seconds(state.PositiveAt - state.At)} s); the whole {state.Limit} points are back at " +
        $"{RateLimitHeaders.Stamp(state.FullAt)} (in {RateLimitHeaders.Seconds(state.FullAt - state.At)} s).";
}
