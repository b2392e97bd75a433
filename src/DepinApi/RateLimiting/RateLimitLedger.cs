using System.Globalization;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// <see cref="IRateLimitLedger"/> over the in-memory <see cref="WindowLedger"/>: the admission point charged by the
/// rate limiter and the rest of a request's cost charged later both come out of the same window.
/// </summary>
internal sealed class RateLimitLedger(IOptions<RateLimitingOptions> options, TimeProvider time) : IRateLimitLedger
{
    private readonly WindowLedger _windows = new(time, options.Value.Window);

    internal WindowLedger Windows => _windows;

    /// <summary>The admission charge; refuses (and records why) when the window has no point left.</summary>
    internal bool ChargeAdmission(RequestCharge charge, long points)
    {
        lock (charge)
        {
            var state = _windows.TryCharge(charge.Client.PartitionKey, charge.Client.PointsPerWindow, points);
            if (state.Admitted)
            {
                charge.Charged += points;
                return true;
            }
            charge.Refusal = new RateLimitRefusal(RateLimitRefusal.PointsLimit,
                $"{charge.Client.SentenceSubject} has spent its {Budget(state)} " +
                $"(a REST request costs 1 point, a GraphQL request its query cost). {Restored(state)}",
                state.UntilReset, state.ResetAt);
            return false;
        }
    }

    public RateLimitCharge ChargeRequest(HttpContext httpContext, long totalCost)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentOutOfRangeException.ThrowIfNegative(totalCost);
        var charge = RequestCharge.Of(httpContext);
        if (charge is null)
            return new RateLimitCharge(true, totalCost, null, null, null);
        lock (charge)
        {
            var difference = totalCost - charge.Charged;
            var state = difference > 0
                ? _windows.TryCharge(charge.Client.PartitionKey, charge.Client.PointsPerWindow, difference)
                : _windows.Peek(charge.Client.PartitionKey, charge.Client.PointsPerWindow);
            if (state.Admitted)
            {
                charge.Charged += Math.Max(0, difference);
                return new RateLimitCharge(true, totalCost, StatusOf(state, charge), null, null);
            }
            var affordable = totalCost <= charge.Client.PointsPerWindow;
            var detail = $"This request costs {totalCost} points; {charge.Client.Description} has {state.Remaining} " +
                $"of its {Budget(state)} left. " +
                (affordable ? Restored(state) : "That is more than the whole budget, so it can never run: ask for fewer items or fields.");
            var retryAfter = affordable ? state.UntilReset : (TimeSpan?)null;
            charge.Refusal = new RateLimitRefusal(RateLimitRefusal.PointsLimit, detail, retryAfter, state.ResetAt);
            return new RateLimitCharge(false, totalCost, StatusOf(state, charge), retryAfter, detail);
        }
    }

    public RateLimitStatus? GetStatus(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var charge = RequestCharge.Of(httpContext);
        if (charge is null)
            return null;
        lock (charge)
            return StatusOf(_windows.Peek(charge.Client.PartitionKey, charge.Client.PointsPerWindow), charge);
    }

    private RateLimitStatus StatusOf(WindowState state, RequestCharge charge) =>
        new(state.Limit, state.Remaining, state.ResetAt, _windows.WindowLength, charge.Charged);

    private string Budget(WindowState state) =>
        $"{state.Limit} points per {_windows.WindowLength.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";

    private static string Restored(WindowState state) =>
        $"The budget is restored at {state.ResetAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} " +
        $"(in {RateLimitHeaders.Seconds(state.UntilReset)} s).";
}
