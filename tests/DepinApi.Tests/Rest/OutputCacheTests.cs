using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>A repeated request is answered from the output cache without touching Postgres.</summary>
public class OutputCacheTests
{
    [Fact]
    public async Task A_repeated_request_is_served_even_when_the_database_is_gone()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = Seeded(connectionString);
        using var client = factory.CreateClient();
        var first = await client.GetStringAsync("/v1/projects/aethir/revenue?units=pch");

        await TestPostgres.DropDatabaseAsync(connectionString);

        Assert.Equal(first, await client.GetStringAsync("/v1/projects/aethir/revenue?units=pch"));
        using var uncached = await client.GetAsync("/v1/projects/aethir/revenue?units=chg");
        Assert.NotEqual(HttpStatusCode.OK, uncached.StatusCode);
    }

    [Fact]
    public async Task A_cached_answer_is_served_as_fresh_with_no_age_of_its_own()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = Seeded(connectionString);
        using var client = factory.CreateClient();
        using var first = await client.GetAsync("/v1/projects/helium");
        // The cache counts an entry's age in whole seconds; without the database, what follows is the cache's.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await TestPostgres.DropDatabaseAsync(connectionString);

        using var cached = await client.GetAsync("/v1/projects/helium");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/v1/projects/helium");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await cached.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        // With an Age past max-age (the entry lives up to Rest:OutputCacheSeconds), every cache downstream would
        // count the answer stale on arrival.
        Assert.True(CacheHits.IsHit(cached));
        Assert.Null(cached.Headers.Age);
        Assert.Null(notModified.Headers.Age);
        Assert.Equal("public, max-age=60", cached.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task With_the_output_cache_off_every_request_reaches_the_database()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = Seeded(connectionString, ("Rest:OutputCacheEnabled", "false"));
        using var client = factory.CreateClient();
        await client.GetStringAsync("/v1/sources");

        await TestPostgres.DropDatabaseAsync(connectionString);

        using var again = await client.GetAsync("/v1/sources");
        Assert.NotEqual(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_response_larger_than_the_cache_keeps_is_streamed_and_not_kept()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = Seeded(connectionString, ("Rest:OutputCacheMaxBodyBytes", "1500"));
        using var client = factory.CreateClient();
        var large = await client.GetStringAsync("/v1/projects");
        var small = await client.GetStringAsync("/v1/sources");
        Assert.True(large.Length > 1500, $"the project list is only {large.Length} bytes");
        Assert.True(small.Length < 1500, $"the source list is {small.Length} bytes");

        await TestPostgres.DropDatabaseAsync(connectionString);

        Assert.Equal(small, await client.GetStringAsync("/v1/sources"));
        using var notKept = await client.GetAsync("/v1/projects");
        Assert.NotEqual(HttpStatusCode.OK, notKept.StatusCode);
    }

    // The REST test settings over a database of its own, which the server fills with the seed data.
    private static ApiFactory Seeded(string connectionString, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        };
        foreach (var (key, value) in settings) all[key] = value;
        return new ApiFactory(connectionString, all);
    }
}
