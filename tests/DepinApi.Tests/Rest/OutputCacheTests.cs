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
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        });
        using var client = factory.CreateClient();
        var first = await client.GetStringAsync("/v1/projects/aethir/revenue?units=pch");

        await TestPostgres.DropDatabaseAsync(connectionString);

        Assert.Equal(first, await client.GetStringAsync("/v1/projects/aethir/revenue?units=pch"));
        using var uncached = await client.GetAsync("/v1/projects/aethir/revenue?units=chg");
        Assert.NotEqual(HttpStatusCode.OK, uncached.StatusCode);
    }

    [Fact]
    public async Task With_the_output_cache_off_every_request_reaches_the_database()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["Rest:OutputCacheEnabled"] = "false",
        });
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
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["Rest:OutputCacheMaxBodyBytes"] = "1500",
        });
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
}
