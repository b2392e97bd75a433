using DepinApi.RateLimiting;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Observability;

/// <summary>
/// Every meter this service creates, which the metrics exporters listen to: a meter missing here is measured and never
/// seen. <c>Observability/ServiceMetersTests</c> finds each meter the assemblies create and fails on one not listed.
/// </summary>
internal static class ServiceMeters
{
    public static readonly string[] Names =
    [
        DepinMetrics.MeterName,
        // Created only with Redis configured: the limiter's and the output cache's requests decided without it.
        RedisBudgetStore.MeterName,
        RedisOutputCacheGuard.MeterName,
    ];
}
