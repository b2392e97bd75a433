using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using DepinApi.RateLimiting;
using DepinApi.Redis;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The output cache's store: two instances of ASP.NET Core's own in-memory store, rationed per client. What the
/// library's single store does not do, and this adds:
/// <list type="bullet">
/// <item>It evicts the least recently used entries of any size, so a few multi-megabyte responses push out hundreds
/// of small hot ones. Here a response above <see cref="RestOptions.OutputCacheLargeEntryBytes"/> goes to a partition
/// of its own (<see cref="RestOptions.OutputCacheLargePartitionBytes"/>), where it can only evict other large ones.</item>
/// <item>It keeps whatever any client asks for. Here each client (its rate-limit partition: API key or address) may
/// add at most <see cref="RestOptions.OutputCacheClientBytesPerWindow"/> per window; beyond it, its responses are
/// served but not kept. Cache hits cost no quota, so a client polling what others keep hot never runs out.</item>
/// <item>It serves an entry for the one point every request pays, whatever its size. Here a hit is charged by its
/// size, as a built response is.</item>
/// </list>
/// </summary>
/// <remarks>
/// The store learns whose response it is given from the request being served (<see cref="IHttpContextAccessor"/>):
/// the output-cache middleware stores the response inside that request.
/// </remarks>
internal sealed class FairOutputCacheStore : IOutputCacheStore, IDisposable
{
    private readonly IOutputCacheStore small;
    private readonly IOutputCacheStore large;
    private readonly long largeEntryBytes;
    private readonly int clientBytesPerWindow;
    private readonly PartitionedRateLimiter<string> insertions;
    private readonly IHttpContextAccessor requests;
    private readonly int bytesPerPoint;

    /// <param name="createBuiltIn">Makes one of the library's in-memory stores holding at most the given bytes.</param>
    public FairOutputCacheStore(RestOptions options, long totalBytes, Func<long, IOutputCacheStore> createBuiltIn, IHttpContextAccessor requests)
    {
        var largeBytes = Math.Clamp(options.OutputCacheLargePartitionBytes, 0, totalBytes);
        small = createBuiltIn(totalBytes - largeBytes);
        large = createBuiltIn(largeBytes);
        largeEntryBytes = options.OutputCacheLargeEntryBytes;
        clientBytesPerWindow = (int)Math.Clamp(options.OutputCacheClientBytesPerWindow, 0, int.MaxValue);
        var window = TimeSpan.FromSeconds(Math.Max(1, options.OutputCacheClientWindowSeconds));
        insertions = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, clientBytesPerWindow), Window = window, QueueLimit = 0 }));
        this.requests = requests;
        bytesPerPoint = options.BytesPerPoint;
    }

    /// <summary>
    /// The entry under <paramref name="key"/>, charged to the request by its size (<see cref="SizeCharge"/>) before it
    /// is served: a cached 900 KB introspection result or OpenAPI document is fourteen points, as built REST responses
    /// are, not the one point of its admission. When the client's other requests have spent the budget meanwhile, the
    /// entry is not served: the request goes on as a miss, and is refused where its own charge is.
    /// </summary>
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await small.GetAsync(key, cancellationToken)
                    ?? (ReferenceEquals(large, small) ? null : await large.GetAsync(key, cancellationToken));
        if (value is null || requests.HttpContext is not { } http)
            return value;
        return await SizeCharge.ChargeAsync(http, SizeCharge.PointsFor(value.Length, bytesPerPoint)) ? value : null;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        // The key is kept beside the response: it counts against the client's quota too.
        if (!Admits(value.Length + (key.Length * sizeof(char))))
            return ValueTask.CompletedTask;
        return (value.Length > largeEntryBytes ? large : small).SetAsync(key, value, tags, validFor, cancellationToken);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await small.EvictByTagAsync(tag, cancellationToken);
        if (!ReferenceEquals(large, small))
            await large.EvictByTagAsync(tag, cancellationToken);
    }

    public void Dispose() => insertions.Dispose();

    /// <summary>Whether the client of the request under way may still add <paramref name="bytes"/> in this window.</summary>
    private bool Admits(int bytes)
    {
        if (requests.HttpContext is not { } context)
            return true;
        if (bytes > clientBytesPerWindow)
            return false;
        var client = RequestCharge.PartitionKeyOf(context);
        using var lease = insertions.AttemptAcquire(client, bytes);
        return lease.IsAcquired;
    }

    /// <summary>
    /// Registers this store in place of the library's, keeping the library's in-memory store (its factory, called
    /// once per partition with that partition's size) underneath, or, with <paramref name="redis"/>, the library's
    /// Redis store shared by every replica (one store for both sizes: Redis's own eviction policy decides what goes).
    /// </summary>
    public static void Register(IServiceCollection services, bool redis)
    {
        if (redis)
        {
            RegisterOverRedis(services);
            return;
        }
        var builtIn = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))?.ImplementationFactory
            ?? throw new InvalidOperationException("AddOutputCache() must register its in-memory store before the fair store wraps it.");
        services.AddHttpContextAccessor();
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider =>
        {
            var rest = provider.GetRequiredService<IOptions<RestOptions>>().Value;
            var total = provider.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit;
            return new FairOutputCacheStore(rest, total,
                size => (IOutputCacheStore)builtIn(new SizedProvider(provider, size)),
                provider.GetRequiredService<IHttpContextAccessor>());
        });
    }

    private static void RegisterOverRedis(IServiceCollection services)
    {
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IServiceProvider, IOptions<RedisOptions>>((cache, provider, redis) =>
        {
            // The cursor key's fingerprint: a replica with another key (or none, and so a key of its own) keeps its
            // pages apart, where the others would serve its cursors and ETags and then refuse them.
            cache.InstanceName = $"{redis.Value.KeyPrefix}oc:{provider.GetRequiredService<CursorCodec>().Fingerprint}:";
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>());
        });
        var library = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.AddHttpContextAccessor();
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider =>
        {
            var inner = library.ImplementationInstance as IOutputCacheStore
                ?? library.ImplementationFactory?.Invoke(provider) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, library.ImplementationType!);
            var guarded = new RedisOutputCacheGuard(inner, provider.GetRequiredService<IConnectionMultiplexer>(),
                provider.GetRequiredService<IOptions<RedisOptions>>().Value, provider.GetService<TimeProvider>() ?? TimeProvider.System,
                provider.GetRequiredService<ILogger<RedisOutputCacheGuard>>(), provider.GetRequiredService<IMeterFactory>());
            var rest = provider.GetRequiredService<IOptions<RestOptions>>().Value;
            return new FairOutputCacheStore(rest, long.MaxValue, _ => guarded, provider.GetRequiredService<IHttpContextAccessor>());
        });
    }

    /// <summary>The application's services, but with output-cache options that give one partition's size.</summary>
    private sealed class SizedProvider(IServiceProvider inner, long sizeLimit) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IOptions<OutputCacheOptions>)
            ? Options.Create(new OutputCacheOptions { SizeLimit = sizeLimit })
            : inner.GetService(serviceType);
    }
}
