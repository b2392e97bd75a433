using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// The allowance of the exempt paths (the probes). They cost no points, so that a load balancer keeps seeing an
/// instance's state while a client sharing its address is throttled; but free and unlimited, one client could send
/// them as fast as the server answers and take its cores from everyone else. Each address may therefore send
/// <see cref="RateLimitingOptions.ProbeRequestsPerSecond"/> a second (a token bucket from the framework's limiters:
/// bursts of that size, refilled every second); beyond it, a 429 with <c>Retry-After: 1</c>. CORS preflights, which
/// cost no points either, draw on the same allowance.
/// </summary>
internal sealed class ProbeAllowance : IDisposable
{
    private readonly RateLimitingOptions _options;
    private readonly PartitionedRateLimiter<string> _buckets;

    public ProbeAllowance(IOptions<RateLimitingOptions> options)
    {
        _options = options.Value;
        var perSecond = _options.ProbeRequestsPerSecond;
        _buckets = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>
    /// Admits the probe, or answers it with a 429 and returns false; <paramref name="beforeRefusal"/> adds what that
    /// answer needs besides (a preflight's CORS headers).
    /// </summary>
    public async ValueTask<bool> TryAdmitAsync(HttpContext context, Action<HttpContext>? beforeRefusal = null)
    {
        var address = IpPartition.Of(context.Connection.RemoteIpAddress, _options.Ipv6PrefixLength);
        using (var lease = _buckets.AttemptAcquire(address))
        {
            if (lease.IsAcquired)
                return true;
        }
        beforeRefusal?.Invoke(context);
        await RateLimitRejection.Refuse(context, RefusalLimits.ProbeRequestsPerSecond, Detail(address, _options.ProbeRequestsPerSecond), retryAfterSeconds: 1)
            .ExecuteAsync(context);
        return false;
    }

    /// <summary>The 429's <c>detail</c>, also the OpenAPI document's example of it.</summary>
    public static string Detail(string address, int perSecond) =>
        $"Client {address} sent more than {perSecond.ToString(CultureInfo.InvariantCulture)} " +
        "probes or CORS preflights in one second, the most allowed; they cost no points but are limited per address.";

    public void Dispose() => _buckets.Dispose();
}
