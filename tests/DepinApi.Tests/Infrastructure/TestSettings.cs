namespace DepinApi.Tests.Infrastructure;

/// <summary>Settings several test classes start the API with.</summary>
public static class TestSettings
{
    /// <summary>
    /// Rate limiting on, with anonymous limits a test's own traffic stays under (a burst of 1000 points, 8 requests in flight),
    /// over a database the API seeds itself.
    /// </summary>
    public static Dictionary<string, string?> GenerousRateLimits(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "1000",
            ["RateLimiting:Anonymous:BurstPoints"] = "1000",
            ["RateLimiting:Anonymous:ConcurrentRequests"] = "8",
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }
}
