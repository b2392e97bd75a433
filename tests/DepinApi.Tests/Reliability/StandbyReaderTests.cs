using System.Text.Json;
using DepinApi.Database;
using DepinApi.Import;
using DepinApi.Tests.Import;
using DepinApi.Tests.Rest;
using Npgsql;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// The server reading from a hot standby, as docs/scaling.md recommends: it answers from the standby, and although a
/// standby refuses <c>LISTEN</c> (and notifications are not replicated), it still learns of an import on the primary,
/// by polling, so its output cache moves on to the new data version.
/// </summary>
public sealed class StandbyReaderTests
{
    private const string Database = "depin";

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_server_reading_a_standby_takes_up_an_import_on_the_primary()
    {
        await using var replicas = await HotStandby.StartAsync(async primary =>
        {
            var owner = await primary.EnsureDatabaseAsync(Database);
            await using var admin = NpgsqlDataSource.Create(owner);
            await new Migrator(admin).MigrateAsync();
            await ImportAsync(admin, SeedFixture.Valid());
        });
        var standby = replicas.StandbyConnectionString(Database);
        await using (var probe = NpgsqlDataSource.Create(standby))
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => probe.CreateCommand("LISTEN depin_data_version").ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        }

        await using var factory = new Infrastructure.ApiFactory(standby, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["ConnectionStrings:DepinAdmin"] = replicas.Primary.ConnectionString(Database),
            ["Database:VersionPollSeconds"] = "1",
        });
        using var client = factory.CreateClient();
        Assert.Equal(1, await ServedVersionAsync(client));
        Assert.Equal(1, await ServedVersionAsync(client)); // now from the output cache

        await using (var admin = NpgsqlDataSource.Create(replicas.Primary.ConnectionString(Database)))
            await ImportAsync(admin, ChangedSeed.Create());

        // Nothing reaches the server from the primary: only its poll of the standby can move it on to version 2.
        await Poll.UntilAsync(async () => await ServedVersionAsync(client) == 2, "the server to serve data version 2");
    }

    private static async Task ImportAsync(NpgsqlDataSource admin, SeedFixture seed)
    {
        var result = await new SeedImporter(admin).ImportAsync(seed.Write(), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    private static async Task<int> ServedVersionAsync(HttpClient client)
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync("/v1/projects"));
        return body.RootElement.GetProperty("dataVersion").GetProperty("id").GetInt32();
    }
}
