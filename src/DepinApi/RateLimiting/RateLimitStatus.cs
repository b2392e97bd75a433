namespace DepinApi.RateLimiting;

/// <summary>A client's point budget at one moment.</summary>
/// <param name="Limit">Points per window for this client.</param>
/// <param name="Remaining">Points left in the current window.</param>
/// <param name="ResetAt">When the current window ends and the whole budget is available again.</param>
/// <param name="Window">The window's length.</param>
/// <param name="Charged">Points the request in hand has paid so far (1 at admission, more once its cost is charged).</param>
public sealed record RateLimitStatus(long Limit, long Remaining, DateTimeOffset ResetAt, TimeSpan Window, long Charged)
{
    /// <summary>
    /// The budget averaged over the window, in points per second (Shopify's <c>restoreRate</c>). The points of a fixed
    /// window come back all at once at <see cref="ResetAt"/>, not gradually.
    /// </summary>
    public double RestoreRatePerSecond => Limit / Window.TotalSeconds;
}
