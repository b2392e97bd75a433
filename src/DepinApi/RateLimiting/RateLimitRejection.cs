using System.Globalization;
using DepinApi.Errors;
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
        var extensions = new Dictionary<string, object?> { ["limit"] = refusal?.Limit };
        if (refusal?.ResetAt is { } resetAt)
            extensions["resetAt"] = resetAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (refusal?.RetryAfter is { } retryAfter)
            extensions["retryAfterSeconds"] = Math.Max(1, RateLimitHeaders.Seconds(retryAfter));
        var problem = Problems.Create(StatusCodes.Status429TooManyRequests, ProblemType, "Too many requests.",
            refusal?.Detail ?? "The client's rate limit is reached.", extensions);
        await problem.ExecuteAsync(http);
    }
}
