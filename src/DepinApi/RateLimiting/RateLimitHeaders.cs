using System.Globalization;

namespace DepinApi.RateLimiting;

/// <summary>
/// The budget on every rate-limited response, as separate <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c> and
/// <c>RateLimit-Reset</c> headers (reset in delta seconds, as the IETF draft has it), plus <c>Retry-After</c> on a 429.
/// </summary>
public static class RateLimitHeaders
{
    public const string Limit = "RateLimit-Limit";
    public const string Remaining = "RateLimit-Remaining";
    public const string Reset = "RateLimit-Reset";

    /// <summary>Whole seconds, rounded up so a client that waits that long finds the budget restored.</summary>
    internal static long Seconds(TimeSpan span) => (long)Math.Ceiling(Math.Max(0, span.TotalSeconds));

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
        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests
            && RequestCharge.Of(context)?.Refusal?.RetryAfter is { } retryAfter)
            headers.RetryAfter = Math.Max(1, Seconds(retryAfter)).ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }
}
