using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// What one rate-limited request is charged to and has paid, kept in the request's features from identification to
/// the response headers. Exempt requests have none.
/// </summary>
internal sealed class RequestCharge(ClientIdentity client)
{
    public ClientIdentity Client { get; } = client;

    /// <summary>Points paid so far; changed under a lock on this object.</summary>
    public long Charged { get; set; }

    /// <summary>The client's bucket as the last charge of this request found it; the shared store's figures for the headers.</summary>
    public BucketState? LastSeen { get; set; }

    /// <summary>The last refusal; set when the door or a later charge refused the request.</summary>
    public RateLimitRefusal? Refusal { get; set; }

    public static RequestCharge? Of(HttpContext context) => context.Features.Get<RequestCharge>();

    /// <summary>
    /// Whose request this is, for limits kept per client (database sessions, build turns, exports, the output cache):
    /// its rate-limit partition, or, when rate limiting is off or the path exempt, the partition the rate limiter would
    /// give its address, so that an IPv6 client cannot take a share per address of its network.
    /// </summary>
    public static string PartitionKeyOf(HttpContext context) =>
        Of(context)?.Client.PartitionKey ?? IpPartition.KeyOf(context.Connection.RemoteIpAddress,
            context.RequestServices?.GetService<IOptions<RateLimitingOptions>>()?.Value.Ipv6PrefixLength
            ?? RateLimitingOptions.DefaultIpv6PrefixLength);
}
