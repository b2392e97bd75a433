namespace DepinApi.RateLimiting;

/// <summary>Why a request was refused, for the 429 body and its headers.</summary>
/// <param name="Limit">One of <see cref="RefusalLimits"/>; the problem's <c>limit</c> member.</param>
/// <param name="Detail">The problem's <c>detail</c>: which limit, and when to come back.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> value; null when waiting cannot help.</param>
/// <param name="ResetAt">When the point budget is full again, for the points limit.</param>
internal sealed record RateLimitRefusal(string Limit, string Detail, TimeSpan? RetryAfter, DateTimeOffset? ResetAt);
