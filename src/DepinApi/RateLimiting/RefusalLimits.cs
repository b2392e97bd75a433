namespace DepinApi.RateLimiting;

/// <summary>
/// Every value a 429's <c>limit</c> member can hold, with when it is sent: the refusals name their limit from here and
/// the OpenAPI document's <c>Problem.limit</c> lists them from here, so neither can name one the other lacks.
/// </summary>
public static class RefusalLimits
{
    public const string PointsPerWindow = "points-per-window";
    public const string ConcurrentRequests = "concurrent-requests";
    public const string ConcurrentBulkExports = "concurrent-bulk-exports";
    public const string ProbeRequestsPerSecond = "probe-requests-per-second";

    /// <summary>Each limit and when a 429 names it, in the order a reader meets them.</summary>
    public static readonly IReadOnlyList<(string Name, string WhenSent)> All =
    [
        (PointsPerWindow, "the client's point budget is spent (REST, GraphQL and the documents alike), `resetAt` saying when it is full again"),
        (ConcurrentRequests, "the client already has as many requests in flight as it may have at once"),
        (ConcurrentBulkExports, "the client already has a whole-series CSV export (one without `limit`) under way"),
        (ProbeRequestsPerSecond, "the address sent more probes (`/healthz`, `/readyz`) or CORS preflights in one second than its allowance"),
    ];
}
