using System.Globalization;

namespace DepinApi.RateLimiting;

/// <summary>
/// The budget on every rate-limited response, as separate <c>RateLimit-Limit</c> (the burst capacity),
/// <c>RateLimit-Remaining</c> (whole points available) and <c>RateLimit-Reset</c> (delta seconds until the bucket is
/// full, as the IETF draft has it: when the whole quota is back) headers, <c>RateLimit-Cost</c> (what the request
/// paid: a refilling budget's remainder no longer tells it), plus <c>Retry-After</c> on a 429 (seconds until the
/// balance is above zero, when a request is admitted again).
/// </summary>
public static class RateLimitHeaders
{
    public const string Limit = "RateLimit-Limit";
    public const string Remaining = "RateLimit-Remaining";
    public const string Reset = "RateLimit-Reset";
    public const string Cost = "RateLimit-Cost";

    /// <summary>Whole seconds, rounded up so a client that waits that long finds the balance it was promised.</summary>
    internal static long Seconds(TimeSpan span) => (long)Math.Ceiling(Math.Max(0, span.TotalSeconds));

    /// <summary>
    /// An instant as a UTC timestamp in whole seconds, rounded up as <see cref="Seconds"/> rounds, so that an instant
    /// and the delta seconds beside it name the same second (a truncated instant would come a second before it).
    /// </summary>
    internal static string Stamp(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var past = ticks % TimeSpan.TicksPerSecond;
        var whole = past == 0 ? ticks : ticks - past + TimeSpan.TicksPerSecond;
        return new DateTime(whole, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }

    /// <summary>Runs as the response starts, so the headers show the budget after everything the request was charged.</summary>
    internal static Task WriteAsync(HttpContext context, IRateLimitLedger ledger, TimeProvider time)
    {
        var status = ledger.GetStatus(context);
        if (status is null)
            return Task.CompletedTask;
        var headers = context.Response.Headers;
        headers[Limit] = status.Limit.ToString(CultureInfo.InvariantCulture);
        headers[Remaining] = status.Remaining.ToString(CultureInfo.InvariantCulture);
        headers[Reset] = Seconds(status.ResetAt - time.GetUtcNow()).ToString(CultureInfo.InvariantCulture);
        headers[Cost] = status.Charged.ToString(CultureInfo.InvariantCulture);
        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests
            && RequestCharge.Of(context)?.Refusal?.RetryAfter is { } retryAfter)
            headers.RetryAfter = Math.Max(1, Seconds(retryAfter)).ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }
}
