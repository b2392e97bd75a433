using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.RateLimiting;
using DepinApi.Tests.Reliability;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// Whole-series exports (a series as one CSV) take turns: one under way per client, a limited number server-wide,
/// the others waiting before they open a database session, and pages never wait for them.
/// </summary>
public sealed class BulkExportTests
{
    private const string Export = "/v1/projects/helium/token-prices?format=csv";
    private const string OtherExport = "/v1/projects/akash/token-prices?format=csv";

    [Fact]
    public async Task Exports_take_turns_one_per_client_and_one_at_a_time_server_wide()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var api = new RateLimitedApi(connectionString, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "1000",
            ["RateLimiting:Anonymous:BurstPoints"] = "1000",
            ["RateLimiting:Anonymous:ConcurrentRequests"] = "8",
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["Database:CommandTimeoutSeconds"] = "60",
            ["Rest:OutputCacheEnabled"] = "false",
            ["Rest:ConcurrentBulkExports"] = "1",
            ["Rest:BulkExportWaitSeconds"] = "2",
        });
        using (var ready = await api.GetAsync("/v1/projects", "192.0.2.1"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        // The first export holds the only turn, stopped in Postgres at the price table.
        await using var prices = await TableLock.HoldAsync(connectionString, "token_prices", "ACCESS EXCLUSIVE");
        var first = api.GetAsync(Export, "192.0.2.1");
        await prices.WaitForWaitersAsync("depin-api", 1);

        using (var second = await api.GetAsync(OtherExport, "192.0.2.1"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.Equal("1", string.Join(",", second.Headers.GetValues("Retry-After")));
            var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("concurrent-bulk-exports", problem.GetProperty("limit").GetString());
        }
        using (var page = await api.GetAsync("/v1/projects?limit=3", "192.0.2.1"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using (var waited = await api.GetAsync(OtherExport, "192.0.2.2"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
            Assert.Equal("2", string.Join(",", waited.Headers.GetValues("Retry-After")));
            var problem = await waited.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("/problems/exports-busy", problem.GetProperty("type").GetString());
        }
        // It waited for its turn without a database session: only the first export ever reached the lock.
        Assert.Equal(1, await WaitersAsync(prices));

        await prices.ReleaseAsync();
        using (var done = await first)
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using (var next = await api.GetAsync(OtherExport, "192.0.2.2"))
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        using (var again = await api.GetAsync(OtherExport, "192.0.2.1"))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static async Task<long> WaitersAsync(TableLock held)
    {
        await using var command = held.Observer.CreateCommand("""
            SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
            WHERE a.datname = current_database() AND a.application_name = 'depin-api'
              AND NOT l.granted AND l.locktype = 'relation' AND l.relation = 'token_prices'::regclass
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
