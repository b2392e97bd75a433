namespace DepinApi.RateLimiting;

/// <summary>Who a request is charged to.</summary>
/// <param name="PartitionKey">The budget's key: <c>ip:&lt;address or /64&gt;</c> or <c>key:&lt;name&gt;</c>.</param>
/// <param name="Description">How refusal messages name the client ("client 203.0.113.7", "API key 'acme'").</param>
/// <param name="PointsPerWindow">The partition's sustained rate: points per window, refilled continuously.</param>
/// <param name="BurstPoints">The most the partition can have available at once (its bucket's size).</param>
/// <param name="ConcurrentRequests">The partition's concurrency limit.</param>
/// <param name="RefusedKeyHeader">The header of a key that was presented but is not configured (<c>X-Api-Key</c> or
/// <c>Authorization</c>); the request is charged to its address and then refused with 401.</param>
public sealed record ClientIdentity(string PartitionKey, string Description, long PointsPerWindow, long BurstPoints,
    int ConcurrentRequests, string? RefusedKeyHeader = null)
{
    /// <summary><see cref="Description"/> at the start of a sentence.</summary>
    public string SentenceSubject => char.ToUpperInvariant(Description[0]) + Description[1..];
}
