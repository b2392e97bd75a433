using System.Diagnostics.Metrics;
using DepinApi.Redis;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The library's Redis output-cache store, kept from turning a Redis fault into a failed or slow request by a
/// <see cref="RedisBackoff"/>: while the connection is down, or for <see cref="RetryAfterFailure"/> after a call failed
/// or took longer than <see cref="RedisOptions.Timeout"/>, a lookup is a miss and a store is skipped. The response is
/// then built from the database as without a cache; nothing stale can be served, because the data version is part of
/// every key.
/// </summary>
internal sealed partial class RedisOutputCacheGuard : IOutputCacheStore
{
    public const string MeterName = "DepinApi.OutputCache";

    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    private readonly IOutputCacheStore _inner;
    private readonly RedisBackoff _backoff;
    private readonly Counter<long> _skipped;

    public RedisOutputCacheGuard(IOutputCacheStore inner, IConnectionMultiplexer redis, RedisOptions options,
        TimeProvider time, ILogger<RedisOutputCacheGuard> logger, IMeterFactory meters)
    {
        _inner = inner;
        _backoff = new RedisBackoff(redis, options.Timeout, RetryAfterFailure, time,
            cause => LogUnavailable(logger, cause), () => LogRecovered(logger));
        _skipped = meters.Create(MeterName).CreateCounter<long>("depin.output_cache.redis_skipped",
            unit: "{operation}", description: "Output-cache lookups, stores and evictions skipped because Redis did not answer.");
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        await GuardAsync(() => _inner.GetAsync(key, cancellationToken).AsTask(), cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await GuardAsync(async () =>
        {
            await _inner.SetAsync(key, value, tags, validFor, cancellationToken);
            return true;
        }, cancellationToken);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        await GuardAsync(async () =>
        {
            await _inner.EvictByTagAsync(tag, cancellationToken);
            return true;
        }, cancellationToken);

    private async ValueTask<T?> GuardAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var (answered, value) = await _backoff.CallAsync(call, cancellationToken);
        if (answered)
            return value;
        _skipped.Add(1);
        return default;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer for the output cache; responses are built without it until it does")]
    private static partial void LogUnavailable(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again; the output cache is shared across replicas")]
    private static partial void LogRecovered(ILogger logger);
}
