namespace DepinApi.RateLimiting;

/// <summary>
/// The point budget of the client that sent a request, for code that knows a request's cost only after the rate
/// limiter admitted it — a GraphQL endpoint charges a document by its computed cost. A singleton; safe to call from
/// any thread.
/// </summary>
/// <remarks>
/// Every rate-limited request already paid 1 point when it was admitted. <see cref="ChargeRequestAsync"/> takes the
/// request's <em>total</em> cost and charges only the difference, so a GraphQL request costs its query cost in all,
/// not one more.
/// </remarks>
public interface IRateLimitLedger
{
    /// <summary>
    /// Charges the request <paramref name="totalCost"/> points in all. Calling again with the same or a smaller total
    /// charges nothing more. The difference is charged, possibly taking the client's balance below zero, while the
    /// balance without what this request already paid is above zero; otherwise (the client's other requests spent
    /// it meanwhile) nothing is charged, <see cref="RateLimitCharge.Admitted"/> is false, and the response (answer it
    /// with 429) automatically carries <c>Retry-After</c> and the <c>RateLimit-*</c> headers. A request that is not
    /// rate limited is always admitted.
    /// </summary>
    ValueTask<RateLimitCharge> ChargeRequestAsync(HttpContext httpContext, long totalCost);

    /// <summary>
    /// The budget of the request's client as it stands now (with a shared store: as this request's last charge found
    /// it, which spares a round trip), or null when the request is not rate limited (an exempt
    /// path, or rate limiting switched off).
    /// </summary>
    RateLimitStatus? GetStatus(HttpContext httpContext);
}
