using System.Diagnostics.Metrics;
using DepinApi.Redis;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The library's Redis output-cache store, kept from turning a Redis fault into a failed or slow request: while the
/// connection is down, or for <see cref="RetryAfterFailure"/> after a call failed or took longer than
/// <see cref="RedisOptions.Timeout"/>, a lookup is a miss and a store is skipped. The response is then built from the
/// database as without a cache; nothing stale can be served, because the data version is part of every key.
/// </summary>
internal sealed partial class RedisOutputCacheGuard(IOutputCacheStore inner, IConnectionMultiplexer redis, RedisOptions options,
    TimeProvider time, ILogger<RedisOutputCacheGuard> logger, IMeterFactory meters) : IOutputCacheStore
{
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    private readonly Counter<long> _skipped = meters.Create(MeterName).CreateCounter<long>("depin.output_cache.redis_skipped",
        unit: "{operation}", description: "Output-cache lookups and stores skipped because Redis did not answer.");
    private long _retryAtTicks;
    private int _failing;

    public const string MeterName = "DepinApi.OutputCache";

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        GuardAsync(() => inner.GetAsync(key, cancellationToken), null, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await GuardAsync(async () =>
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            return true;
        }, false, cancellationToken);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        await GuardAsync(async () =>
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
            return true;
        }, false, cancellationToken);

    private async ValueTask<T> GuardAsync<T>(Func<ValueTask<T>> call, T otherwise, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _retryAtTicks) || !redis.IsConnected)
        {
            _skipped.Add(1);
            return otherwise;
        }
        try
        {
            var result = await call().AsTask().WaitAsync(options.Timeout, time, cancellationToken);
            if (Interlocked.Exchange(ref _failing, 0) == 1)
                LogRecovered(logger);
            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref _retryAtTicks, (time.GetUtcNow() + RetryAfterFailure).UtcTicks);
            if (Interlocked.Exchange(ref _failing, 1) == 0)
                LogUnavailable(logger, e);
            _skipped.Add(1);
            return otherwise;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer for the output cache; responses are built without it until it does")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again; the output cache is shared across replicas")]
    private static partial void LogRecovered(ILogger logger);
}
