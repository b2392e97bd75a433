using Microsoft.Extensions.Options;

namespace DepinApi.Tests.RateLimiting;

public class SettingsValidationTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example", "'proxy.example' is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "'10.0.0.0/33' is not a network in CIDR form")]
    [InlineData("RateLimiting:Anonymous:PointsPerWindow", "0", "RateLimiting:Anonymous:PointsPerWindow must be at least 1")]
    [InlineData("RateLimiting:Anonymous:BurstPoints", "0", "RateLimiting:Anonymous:BurstPoints must be at least 1")]
    [InlineData("RateLimiting:ApiKeys:0:BurstPoints", "-5", "RateLimiting:ApiKeys:0:BurstPoints must be at least 1")]
    [InlineData("RateLimiting:ApiKey:PointsPerWindow", "100000000000000", "RateLimiting:ApiKey:PointsPerWindow times RateLimiting:WindowSeconds must be at most 10^12")]
    [InlineData("RateLimiting:ApiKeys:0:Sha256", "abc", "RateLimiting:ApiKeys:0:Sha256 must be 64 hex digits")]
    [InlineData("RateLimiting:ExemptPaths:0", "healthz", "'healthz' must start with '/'")]
    [InlineData("RateLimiting:RefusalPacing:PerSecond", "0", "RateLimiting:RefusalPacing:PerSecond must be 1 to 1000, got 0")]
    [InlineData("RateLimiting:RefusalPacing:MaxHoldMilliseconds", "-1", "RateLimiting:RefusalPacing:MaxHoldMilliseconds must be 0 (off) to 60000")]
    [InlineData("RateLimiting:RefusalPacing:Burst", "-3", "RateLimiting:RefusalPacing:Burst must be at least 0, got -3")]
    [InlineData("Rest:CursorKey", "not base64!", "Rest:CursorKey is not base64; it must be base64 of at least 32 bytes")]
    [InlineData("Rest:CursorKey", "c2hvcnQ=", "Rest:CursorKey is base64 of 5 bytes; it must be base64 of at least 32 bytes")]
    public async Task The_host_refuses_to_start_with_a_setting_that_cannot_work(string key, string value, string message)
    {
        var settings = RateLimitedApi.SmallLimits(
            ("RateLimiting:ApiKeys:0:Name", "acme"),
            ("RateLimiting:ApiKeys:0:Sha256", new string('a', 64)),
            (key, value));
        var error = await StartFailureAsync(settings);
        // The test host's deferred start can lose a race with the failed start it waits for, and then reports only
        // that the failed host's services were disposed (seen once in CI); the setting is as invalid the second time.
        if (error is ObjectDisposedException && !ValidationFailuresIn(error).Any())
            error = await StartFailureAsync(settings);

        // Which start-up step reads the setting first depends on timing (several start beside each other), so the
        // validation failure may arrive wrapped once, twice, or in an AggregateException with the others' failures.
        var failures = ValidationFailuresIn(error).ToList();
        Assert.True(failures.Exists(failure => failure.Contains(message)), $"no validation failure names \"{message}\" in:\n{error}");
    }

    private async Task<Exception> StartFailureAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var api = new RateLimitedApiStarter(database.ConnectionString, settings);
        return Assert.ThrowsAny<Exception>(api.Start);
    }

    private static IEnumerable<string> ValidationFailuresIn(Exception? error) => error switch
    {
        null => [],
        OptionsValidationException validation => validation.Failures,
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(ValidationFailuresIn),
        _ => ValidationFailuresIn(error.InnerException),
    };

    /// <summary>Defers the start, which <see cref="RateLimitedApi"/> does in its constructor.</summary>
    private sealed class RateLimitedApiStarter(string connectionString, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
    {
        private RateLimitedApi? _api;

        public void Start() => _api = new RateLimitedApi(connectionString, settings);

        public ValueTask DisposeAsync() => _api?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
