using System.Net;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Rest;

/// <summary>
/// The output cache over one Redis shared by two API hosts (<c>ConnectionStrings:Redis</c>): what one replica built,
/// the other serves; the per-client quota of the fair store still decides what is kept; and a Redis that is gone
/// makes a cache miss, never an error.
/// </summary>
public sealed class SharedOutputCacheTests
{
    private const string Path = "/v1/projects";

    private static async Task<(ApiFactory A, ApiFactory B)> TwoReplicasAsync(TestRedis redis, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rest:CursorKey"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("one cursor key for all replicas!")),
        };
        foreach (var (key, value) in redis.ReplicaSettings().Concat(more))
            settings[key] = value;
        var a = await ApiFactory.WithSeedDataAsync(settings);
        a.CreateClient().Dispose();
        var connection = a.Services.GetRequiredService<IConfiguration>().GetConnectionString("Depin")!;
        return (a, new ApiFactory(connection, settings));
    }

    [Fact]
    public async Task A_response_built_by_one_replica_is_served_from_the_cache_by_the_other()
    {
        var (a, b) = await TwoReplicasAsync(await TestRedis.Shared);
        await using var _ = a;
        await using var __ = b;
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        using var built = await clientA.GetAsync(Path);
        using var shared = await clientB.GetAsync(Path);

        Assert.True(built.StatusCode == HttpStatusCode.OK, await built.Content.ReadAsStringAsync());
        Assert.False(CacheHits.IsHit(built));
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.True(CacheHits.IsHit(shared));
        Assert.Equal(built.Headers.ETag, shared.Headers.ETag);
        Assert.Equal(await built.Content.ReadAsStringAsync(), await shared.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_per_client_quota_still_decides_what_is_kept()
    {
        var (a, b) = await TwoReplicasAsync(await TestRedis.Shared, ("Rest:OutputCacheClientBytesPerWindow", "16"));
        await using var _ = a;
        await using var __ = b;
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        using var built = await clientA.GetAsync(Path);
        using var again = await clientB.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(CacheHits.IsHit(again));
    }

    [Fact]
    public async Task A_killed_redis_is_a_cache_miss_and_caching_resumes_when_it_is_back()
    {
        await using var redis = await TestRedis.StartAsync();
        var (a, b) = await TwoReplicasAsync(redis);
        await using var _ = a;
        await using var __ = b;
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        using (var warm = await clientA.GetAsync(Path))
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        await redis.StopAsync();
        for (var i = 0; i < 5; i++)
        {
            using var response = await (i % 2 == 0 ? clientA : clientB).GetAsync(Path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(CacheHits.IsHit(response));
        }

        await redis.RestartAsync();
        await Poll.UntilAsync(async () =>
        {
            using var store = await clientA.GetAsync(Path);
            using var hit = await clientB.GetAsync(Path);
            return store.StatusCode == HttpStatusCode.OK && CacheHits.IsHit(hit);
        }, "replica B serves what replica A stored");
    }
}
