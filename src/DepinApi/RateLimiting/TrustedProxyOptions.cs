namespace DepinApi.RateLimiting;

/// <summary>
/// The "ForwardedHeaders" configuration section: which peers may tell us the client's address in X-Forwarded-For.
/// Nobody is trusted by default, so a client cannot pick its own rate-limit partition by sending the header itself.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted reverse proxies, e.g. "10.0.0.5" or "::1".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted reverse proxies in CIDR form, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// How many X-Forwarded-For entries may be consumed, right to left. Unset: as many as come from trusted proxies,
    /// which stops at the first address that is not a trusted proxy — the client.
    /// </summary>
    public int? ForwardLimit { get; set; }
}
