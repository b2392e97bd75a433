using System.Net;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DepinApi.Tests.Redis;

/// <summary>
/// Replicas share their output cache through Redis only with replicas that sign with the same <c>Rest:CursorKey</c>: a
/// page cached by a replica with another key (or none, and so one of its own) holds a <c>next</c> cursor and an ETag
/// the others refuse, so they must build their own instead of serving it. (Replicas with the same key share pages:
/// <c>Rest/SharedOutputCacheTests</c>.)
/// </summary>
public sealed class CursorKeyCacheSharingTests
{
    private const string FirstPage = "/v1/projects?limit=4";

    private static string Key(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text.PadRight(32, '.')));

    [Theory]
    [InlineData("the other replica's own key")]
    [InlineData(null)]
    public async Task A_page_cached_under_another_cursor_key_is_not_served_and_the_replicas_own_cursor_works(string? otherKey)
    {
        var redis = await TestRedis.Shared;
        var shared = redis.ReplicaSettings(TestRedis.NewKeyPrefix());
        await using var keyed = await ApiFactory.WithSeedDataAsync(Settings(shared, Key("the key of the replicas that agree")));
        keyed.CreateClient().Dispose();
        var connection = keyed.Services.GetRequiredService<IConfiguration>().GetConnectionString("Depin")!;
        var capture = new LogCapture();
        await using var other = new ApiFactory(connection, Settings(shared, otherKey is null ? null : Key(otherKey)))
            .WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var keyedClient = keyed.CreateClient();
        using var otherClient = other.CreateClient();

        using var stored = await otherClient.GetAsync(FirstPage);
        using var served = await keyedClient.GetAsync(FirstPage);

        Assert.True(stored.StatusCode == HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.False(CacheHits.IsHit(served), "a page cached under another cursor key was served");
        using var next = await keyedClient.GetAsync(NextOf(await served.Content.ReadAsStringAsync()));
        Assert.True(next.StatusCode == HttpStatusCode.OK, await next.Content.ReadAsStringAsync());
        Assert.Equal(otherKey is null, capture.Entries.Any(e => e.Level == LogLevel.Warning
            && e.Message.Contains("ConnectionStrings:Redis is set but Rest:CursorKey is not", StringComparison.Ordinal)));
    }

    private static Dictionary<string, string?> Settings((string Key, string? Value)[] redis, string? cursorKey)
    {
        var settings = redis.ToDictionary(s => s.Key, s => s.Value);
        settings["Rest:CursorKey"] = cursorKey;
        return settings;
    }

    private static string NextOf(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("page").GetProperty("next").GetString()
        ?? throw new InvalidOperationException("the first page has no next page");
}
