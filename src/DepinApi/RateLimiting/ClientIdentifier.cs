using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DepinApi.RateLimiting;

/// <summary>
/// Decides whom a request is charged to: the holder of a configured API key, or else the client's address as the
/// forwarded-headers middleware left it (the peer, or the client a trusted proxy names).
/// </summary>
internal sealed class ClientIdentifier(IOptions<RateLimitingOptions> options, ApiKeyRegistry keys)
{
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly RateLimitingOptions _options = options.Value;

    /// <summary>True when the path is one of the exempt ones (whole segments: /healthz and /healthz/x, not /healthzz).</summary>
    public bool IsExempt(PathString path)
    {
        foreach (var exempt in _options.EffectiveExemptPaths)
            if (path.StartsWithSegments(exempt, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    public ClientIdentity Identify(HttpContext context)
    {
        var presented = PresentedKey(context.Request);
        if (presented is not null)
        {
            var key = keys.Find(presented.Value.Key);
            if (key is not null)
            {
                var points = key.PointsPerWindow ?? _options.ApiKey.PointsPerWindow;
                return new ClientIdentity("key:" + key.Name, $"API key '{key.Name}'", points,
                    ClientLimits.EffectiveBurst(key.BurstPoints ?? _options.ApiKey.BurstPoints, points),
                    key.ConcurrentRequests ?? _options.ApiKey.ConcurrentRequests);
            }
        }
        var address = IpPartition.Of(context.Connection.RemoteIpAddress, _options.Ipv6PrefixLength);
        return new ClientIdentity(IpPartition.KeyPrefix + address, "client " + address,
            _options.Anonymous.PointsPerWindow, _options.Anonymous.EffectiveBurstPoints, _options.Anonymous.ConcurrentRequests,
            RefusedKeyHeader: presented?.Header);
    }

    /// <summary>
    /// The key a request presents and the header it came in. X-Api-Key wins over Authorization: Bearer; other
    /// authorization schemes are not API keys.
    /// </summary>
    private static (string Key, string Header)? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[ApiKeyHeader].ToString().Trim();
        if (header.Length > 0)
            return (header, ApiKeyHeader);
        var authorization = request.Headers[HeaderNames.Authorization].ToString().Trim();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[bearer.Length..].Trim();
            if (token.Length > 0)
                return (token, HeaderNames.Authorization);
        }
        return null;
    }
}
