using System.Globalization;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// <see cref="IRateLimitLedger"/> over an <see cref="IClientBudgetStore"/> (this process's, or Redis shared by every
/// replica): the admission point charged by the rate limiter and the rest of a request's cost charged later both come
/// out of the same window. Here refusals are worded; the store only counts.
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
            charge.LastSeen = admission.Window;
            switch (admission.Outcome)
            {
                case AdmissionOutcome.Admitted:
                    charge.Charged += points;
                    break;
                case AdmissionOutcome.TooManyInFlight:
                    charge.Refusal = new RateLimitRefusal(RateLimitRefusal.ConcurrencyLimit,
                        $"{charge.Client.SentenceSubject} already has " +
                        $"{charge.Client.ConcurrentRequests} requests in flight, the most allowed at once; " +
                        "retry when one of them has finished.",
                        TimeSpan.FromSeconds(1), null);
                    break;
                case AdmissionOutcome.OutOfPoints:
                    charge.Refusal = new RateLimitRefusal(RateLimitRefusal.PointsLimit,
                        $"{charge.Client.SentenceSubject} has spent its {Budget(admission.Window)} " +
                        $"(a REST request costs 1 point, a GraphQL request its query cost). {Restored(admission.Window)}",
                        admission.Window.UntilReset, admission.Window.ResetAt);
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
        long difference;
        lock (charge)
        {
            // Reserved before the store is asked, so a second charge of the same request meanwhile asks only for the rest.
            difference = totalCost - charge.Charged;
            if (difference <= 0)
                return new RateLimitCharge(true, totalCost, StatusOf(store.Peek(charge.Client, charge.LastSeen), charge), null, null);
            charge.Charged += difference;
        }
        var state = await store.ChargeAsync(charge.Client, difference, httpContext.RequestAborted);
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
            var affordable = totalCost <= charge.Client.PointsPerWindow;
            var detail = $"This request costs {totalCost} points; {charge.Client.Description} has {refused.Remaining} " +
                $"of its {Budget(refused)} left. " +
                (affordable ? Restored(refused) : "That is more than the whole budget, so it can never run: ask for fewer items or fields.");
            var retryAfter = affordable ? refused.UntilReset : (TimeSpan?)null;
            charge.Refusal = new RateLimitRefusal(RateLimitRefusal.PointsLimit, detail, retryAfter, refused.ResetAt);
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

    private RateLimitStatus StatusOf(WindowState state, RequestCharge charge) =>
        new(state.Limit, state.Remaining, state.ResetAt, store.WindowLength, charge.Charged);

    private RateLimitRefusal StoreUnavailable() => new(StoreUnavailableLimit,
        "The shared rate-limit store does not answer, and this service is set to refuse requests rather than count " +
        "them without it. Retry in a few seconds.", TimeSpan.FromSeconds(options.Value.RedisRetrySeconds), null);

    private string Budget(WindowState state) =>
        $"{state.Limit} points per {store.WindowLength.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";

    private static string Restored(WindowState state) =>
        $"The budget is restored at {state.ResetAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} " +
        $"(in {RateLimitHeaders.Seconds(state.UntilReset)} s).";
}
