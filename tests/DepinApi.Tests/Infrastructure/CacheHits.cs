namespace DepinApi.Tests.Infrastructure;

/// <summary>Whether the output cache answered: it says so in <c>Server-Timing</c>, where the request that built it said how.</summary>
public static class CacheHits
{
    public static bool IsHit(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var timings) && timings.Contains("cache;desc=\"hit\"");
}
