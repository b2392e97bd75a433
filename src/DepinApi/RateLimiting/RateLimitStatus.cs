namespace DepinApi.RateLimiting;

/// <summary>A client's point budget at one moment.</summary>
/// <param name="Limit">The most the client can have available at once (its burst capacity, the bucket's size).</param>
/// <param name="Remaining">Whole points available now: 0 while the balance is not above zero.</param>
/// <param name="ResetAt">When the bucket is full again if nothing more is charged (<c>RateLimit-Reset</c>).</param>
/// <param name="AdmittedAt">When the balance is above zero, so a request is admitted (now, unless the client is in debt).</param>
/// <param name="RestoreRatePerSecond">Points refilled per second: the sustained rate (Shopify's <c>restoreRate</c>).</param>
/// <param name="Charged">Points the request in hand has paid so far (1 at admission, more once its cost is charged).</param>
public sealed record RateLimitStatus(long Limit, long Remaining, DateTimeOffset ResetAt, DateTimeOffset AdmittedAt,
    double RestoreRatePerSecond, long Charged);
