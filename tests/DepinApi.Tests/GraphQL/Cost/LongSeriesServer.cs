using DepinApi.Tests.GraphQL.Compiled;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL.Cost;

/// <summary>
/// The API over the seed data plus, in a data version of its own, a SYNTHETIC token-price series of
/// <see cref="SyntheticDays"/> days for <see cref="SyntheticProject"/> (real price histories are that long; the seed
/// data holds a handful). Made here, in this test's own database, never in seed-data or a default database; every
/// synthetic row says so in its quote. Default limits (MaxCost 1,000 …), caches off so every request executes, rate
/// limiting off so thousands of requests are admitted.
/// </summary>
public sealed class LongSeriesServer : IAsyncLifetime
{
    public const int SyntheticDays = 20_000;
    public const string SyntheticProject = "akash";
    public static readonly DateOnly SyntheticLastDay = new(2026, 5, 31);

    private string _database = null!;
    private ApiFactory _factory = null!;

    public GraphQLClient Client { get; private set; } = null!;

    /// <summary>The seed data's argument values, read before the synthetic series was added.</summary>
    public SeedVocabulary Vocabulary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        // The vocabulary query reads every project's lists at once, over the default maximum cost: a server of its
        // own, which also imports the seed data.
        await using (var seeding = new ApiFactory(_database, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "false",
            ["GraphQL:MaxCost"] = "1000000",
        }))
        {
            Vocabulary = await SeedVocabulary.ReadAsync(new GraphQLClient(seeding.CreateClient()));
        }
        await SyntheticPrices.AddVersionAsync(_database, SyntheticProject, SyntheticDays, SyntheticLastDay);
        _factory = new ApiFactory(_database, new Dictionary<string, string?>
        {
            ["GraphQL:CacheEnabled"] = "false",
            ["Rest:OutputCacheEnabled"] = "false",
            ["RateLimiting:Enabled"] = "false",
        });
        Client = new GraphQLClient(_factory.CreateClient());
        Vocabulary = await Vocabulary.WithCursorsAsync(Client);
        await WaitForBoundsAsync();
    }

    /// <summary>
    /// Until the server charges the synthetic series by its length (it reads the bounds at start), for at most ten
    /// seconds: a server that never does is for the tests to catch.
    /// </summary>
    private async Task WaitForBoundsAsync()
    {
        var query = $"{{ project(slug: \"{SyntheticProject}\") {{ tokenPrices {{ date }} }} }}";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var body = await Client.PostAsync(query);
            if (body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64() >= SyntheticDays) return;
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }
}
