using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using Npgsql;
using Xunit.Abstractions;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// A client that reads its response slowly, over a real socket to Kestrel, must not hold a
/// database session: the response is built inside its snapshot, the session goes back to the pool,
/// and only then is the client written to. Checked in Postgres itself (pg_stat_activity) while the
/// client is still reading.
/// </summary>
public sealed class RestSlowReaderTests(ITestOutputHelper output) : IAsyncLifetime
{
    // A labelled synthetic series, made here and never in the default database: long enough that its
    // pages and its CSV outgrow the socket buffers between server and client.
    private const int SyntheticDays = 20_000;

    private string connectionString = null!;
    private ApiFactory factory = null!;
    private int port;

    private static CancellationToken Patience => new CancellationTokenSource(Poll.Patience).Token;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync();
        port = FreePort.OnLoopback();
        factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "false",
            // The readiness check's own query, once a second, would be caught running by the check below; here it
            // runs at start only.
            ["Database:ReadinessCheckSeconds"] = "3600",
            // Pages the socket buffers between server and client cannot absorb at once.
            ["Rest:MaxLimit"] = "5000",
        });
        factory.UseKestrel(port);
        factory.StartServer();
        await SyntheticSeries.AddAsync(connectionString, "helium", SyntheticDays);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/v1/projects/helium/token-prices?limit=5000")]
    [InlineData("/v1/projects/helium/token-prices?format=csv")]
    [InlineData("/v1/projects/helium/token-prices?format=csv&limit=5000")]
    public async Task A_slow_reader_holds_no_database_session_while_it_reads(string path)
    {
        using var client = await SlowHttpClient.GetAsync(port, path);
        Assert.True(await client.ReadAsync(1024, Patience) > 0);
        // 512 bytes every 50 ms for a second: far slower than the server could write.
        await client.TrickleAsync(20, 512, TimeSpan.FromMilliseconds(50), Patience);

        var busy = await BusySessionsAsync();

        var read = client.Received;
        var rest = await client.ReadToEndAsync(Patience);
        output.WriteLine($"{path}: {read + rest} bytes; {read} read when pg_stat_activity was checked; busy: {busy.Count}");
        Assert.Empty(busy);
        // The check ran mid-response: most of it was still to come.
        Assert.True(rest > 64 * 1024, $"only {rest} bytes were left to read after the check");
    }

    /// <summary>The API's sessions on this test's database that are in a transaction or running a query.</summary>
    private async Task<List<string>> BusySessionsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT state || ': ' || left(query, 80) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'depin-api'
              AND state IS DISTINCT FROM 'idle' AND backend_type = 'client backend'
            """, connection);
        var busy = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            busy.Add(reader.GetString(0));
        return busy;
    }
}
