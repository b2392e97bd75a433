using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL.Cost;

/// <summary>A running server charges a list by its new length as soon as a data version that lengthens it is imported.</summary>
public class BoundsRefreshTests
{
    [Fact]
    public async Task A_new_data_version_raises_the_bound_of_the_lists_it_lengthens()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var factory = new ApiFactory(database, new Dictionary<string, string?>
            {
                ["Database:ImportSeedWhenEmpty"] = "true",
                ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
                ["GraphQL:CacheEnabled"] = "false",
                ["RateLimiting:Enabled"] = "false",
            });
            var client = new GraphQLClient(factory.CreateClient());
            const string query = "{ project(slug: \"helium\") { tokenPrices { date } } }";
            var before = Cost(await client.PostAsync(query));

            await SyntheticPrices.AddVersionAsync(database, "helium", 400, new DateOnly(2026, 5, 31));

            var after = before;
            for (var attempt = 0; attempt < 100 && after == before; attempt++)
            {
                await Task.Delay(100);
                after = Cost(await client.PostAsync(query));
            }
            Assert.True(before < 400, $"before: {before}");
            var body = await client.PostAsync(query);
            var returned = body.GetProperty("data").GetProperty("project").GetProperty("tokenPrices").GetArrayLength();
            Assert.True(returned >= 400, $"returned {returned}");
            // The project's point, and at least every price it now returns.
            Assert.True(Cost(body) >= 1 + returned, $"cost {Cost(body)} for {returned} prices");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static long Cost(System.Text.Json.JsonElement body) =>
        body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64();
}
