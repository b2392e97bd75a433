using DepinApi.Redis;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DepinApi.Tests.Redis;

/// <summary>
/// The rate limiter and the output cache both ask for the shared Redis: the service ends up with one binding of the
/// "Redis" section and one connection, whichever feature registered first.
/// </summary>
public sealed class SharedRedisRegistrationTests
{
    [Fact]
    public async Task The_redis_section_is_bound_once_and_both_features_share_one_connection()
    {
        var redis = await TestRedis.Shared;
        var prefix = TestRedis.NewKeyPrefix();
        await using var api = await ApiFactory.WithSeedDataAsync(redis.ReplicaSettings(prefix).ToDictionary(s => s.Key, s => s.Value));

        Assert.Single(api.Services.GetServices<IConfigureOptions<RedisOptions>>());
        Assert.Single(api.Services.GetServices<IConnectionMultiplexer>());
        Assert.Equal(prefix, api.Services.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix);
    }
}
