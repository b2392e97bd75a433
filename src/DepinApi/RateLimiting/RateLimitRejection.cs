using System.Globalization;
using DepinApi.Errors;
using DepinApi.Observability;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace DepinApi.RateLimiting;

/// <summary>The body of a 429: problem+json naming the limit that was hit and when to come back.</summary>
internal static class RateLimitRejection
{
    public const string ProblemType = "rate-limited";

    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        await WriteAsync(context.HttpContext);

    /// <summary>The 429 of a request whose charge (<see cref="RequestCharge.Refusal"/>) was refused.</summary>
    public static async Task WriteAsync(HttpContext http)
    {
        var refusal = RequestCharge.Of(http)?.Refusal;
        DepinMetrics.Of(http)?.RateLimitRefused(refusal?.Limit ?? "unknown");
        var extensions = new Dictionary<string, object?> { ["limit"] = refusal?.Limit };
        if (refusal?.ResetAt is { } resetAt)
            extensions["resetAt"] = RateLimitHeaders.Stamp(resetAt);
        if (refusal?.RetryAfter is { } retryAfter)
            extensions["retryAfterSeconds"] = Math.Max(1, RateLimitHeaders.Seconds(retryAfter));
        var problem = Problems.Create(StatusCodes.Status429TooManyRequests, ProblemType, "Too many requests.",
            refusal?.Detail ?? "The client's rate limit is reached.", extensions);
        await problem.ExecuteAsync(http);
    }

    /// <summary>
    /// The 429 of a limit kept outside the point budget (the probes' allowance, whole-series exports): its
    /// <c>Retry-After</c> header and the problem naming the limit.
    /// </summary>
    public static ProblemHttpResult Refuse(HttpContext http, string limit, string detail, int retryAfterSeconds)
    {
        DepinMetrics.Of(http)?.RateLimitRefused(limit);
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Create(StatusCodes.Status429TooManyRequests, ProblemType, "Too many requests.", detail,
            new Dictionary<string, object?> { ["limit"] = limit, ["retryAfterSeconds"] = retryAfterSeconds });
    }
}
