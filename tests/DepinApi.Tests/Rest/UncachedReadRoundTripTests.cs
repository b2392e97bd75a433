using System.Net;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>
/// An uncached REST read of the newest data is one round trip to Postgres: one statement holding the version query and
/// the handler's read when it names one, else the snapshot's BEGIN, the version query, every read and the COMMIT in one batch, where it used to be a transaction of one round trip per statement and a
/// ROLLBACK. Counted with Npgsql's own tracing (<see cref="SentCommands"/>); the same read with
/// <c>asOf</c>, which still takes the statement-by-statement path, shows what the count was.
/// </summary>
public sealed class UncachedReadRoundTripTests
{
    [Theory]
    [InlineData("/v1/projects/helium/revenue", 2)]
    [InlineData("/v1/projects/helium", 5)]
    [InlineData("/v1/projects", 2)]
    [InlineData("/v1/projects/helium/token-prices?limit=2", 2)]
    [InlineData("/v1/projects/helium/revenue/2026Q2", 2)]
    public async Task An_uncached_read_of_the_newest_version_is_one_round_trip(string path, int statementByStatement)
    {
        var (connectionString, factory) = await StartAsync();
        await using var _ = factory;
        using var client = factory.CreateClient();
        var warm = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        var version = JsonDocument.Parse(await warm.Content.ReadAsStringAsync()).RootElement.GetProperty("dataVersion").GetProperty("id").GetInt32();

        using var sent = new SentCommands(connectionString);

        var current = await client.GetAsync(path);
        var currentBody = await current.Content.ReadAsStringAsync();
        var roundTrips = sent.Count;
        sent.Clear();
        var asOf = await client.GetAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}asOf={version}");
        var asOfBody = await asOf.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOf.StatusCode);
        Assert.Equal(1, roundTrips);
        Assert.Equal(statementByStatement, sent.Count);
        // The same data, whichever way it was read.
        Assert.Equal(Data(currentBody), Data(asOfBody));
    }

    /// <summary>
    /// A read the handler names alone (the revenue series or a page of prices with its project, the project list) is sent with the version
    /// query as one statement, which Postgres answers from one snapshot: no BEGIN, no COMMIT.
    /// </summary>
    [Theory]
    [InlineData("/v1/projects/helium/revenue")]
    [InlineData("/v1/projects/helium/revenue?units=pch&metric=annualized_external_revenue")]
    [InlineData("/v1/projects")]
    [InlineData("/v1/projects/helium/token-prices?limit=2")]
    [InlineData("/v1/projects/helium/revenue/2026Q2")]
    public async Task An_uncached_read_named_alone_is_one_statement_with_the_version(string path)
    {
        var (connectionString, factory) = await StartAsync();
        await using var _ = factory;
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        using var sent = new SentCommands(connectionString);
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statement = Assert.Single(sent.Texts);
        Assert.Contains("data_versions", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", statement, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("COMMIT", statement, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A server over its own seeded database, with nothing between a request and Postgres: no output cache, no rate limits.</summary>
    private static async Task<(string ConnectionString, ApiFactory Factory)> StartAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        return (connectionString, new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["Database:ReadinessCheckSeconds"] = "3600",
            ["Rest:OutputCacheEnabled"] = "false",
            ["RateLimiting:Enabled"] = "false",
        }));
    }

    private static string Data(string body) => JsonDocument.Parse(body).RootElement.GetProperty("data").GetRawText();
}
