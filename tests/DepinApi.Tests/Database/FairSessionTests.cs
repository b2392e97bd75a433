using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.RateLimiting;
using DepinApi.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;
using static DepinApi.Tests.Fairness.HeldRequests;

namespace DepinApi.Tests.Database;

/// <summary>
/// Database sessions are shared fairly between clients (<see cref="FairSessionGate"/>): each client holds at most
/// Database:SessionsPerClient at once, a freed session goes to the waiting client that holds the fewest, a request
/// that waits too long is answered 503 database-busy / DATABASE_BUSY, and every session comes back, also from
/// requests the client abandoned. Sessions are held deterministically: a test lock on token_prices stops every
/// request for a price series inside its session.
/// </summary>
public sealed class FairSessionTests
{
    [Fact]
    public async Task By_default_requests_share_the_pool_less_two_and_a_client_holds_at_most_four()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());

        var gate = factory.Services.GetRequiredService<FairSessionGate>();

        Assert.Equal(30 - FairSessionGate.ReservedForBackground, gate.Capacity);
        Assert.Equal(4, gate.PerClient);
        Assert.Equal(5, gate.WaitSeconds);
    }

    [Fact]
    public async Task A_client_at_its_cap_waits_for_its_own_sessions_while_another_client_is_served_and_then_is_refused_clearly()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        // Four sessions for requests (six less the two of the server's own work), two per client.
        await using var api = await StartAsync(connectionString, maxPool: 6, perClient: 2, waitSeconds: 1);
        var gate = api.Services.GetRequiredService<FairSessionGate>();
        Assert.Equal(4, gate.Capacity);

        await using var prices = await TableLock.HoldAsync(connectionString, "token_prices", "ACCESS EXCLUSIVE");
        var held = new[] { api.GetAsync(Prices(1), A), api.GetAsync(Prices(2), A) };
        await prices.WaitForWaitersAsync("depin-api", 2);
        Assert.Equal(2, gate.HeldBy(Key(A)));

        // Two sessions are free, but not to A: its third request waits for one of its own, then is refused.
        using (var refused = await api.GetAsync(Cheap, A))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("1", string.Join(",", refused.Headers.GetValues("Retry-After")));
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("/problems/database-busy", problem.GetProperty("type").GetString());
            Assert.Contains("This client's other requests", problem.GetProperty("detail").GetString());
        }
        using (var refused = await api.PostGraphQLAsync(SmallQuery, A))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("1", string.Join(",", refused.Headers.GetValues("Retry-After")));
            var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.Equal("DATABASE_BUSY", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.False(body.TryGetProperty("data", out _));
        }

        // Another client is served at once, over REST and GraphQL, while A holds its two.
        using (var other = await api.GetAsync(Cheap, B))
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using (var other = await api.PostGraphQLAsync(SmallQuery, B))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.False((await other.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out _));
        }

        await prices.ReleaseAsync();
        foreach (var request in held)
            using (var done = await request)
                Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await AssertNothingHeldAsync(gate, prices);
    }

    [Fact]
    public async Task A_freed_session_goes_to_the_client_holding_none_before_the_queued_request_of_one_holding_some()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        // Four sessions for requests, three per client; a long wait, so that an unfair hand-out shows as a 503.
        await using var api = await StartAsync(connectionString, maxPool: 6, perClient: 3, waitSeconds: 60);
        var gate = api.Services.GetRequiredService<FairSessionGate>();

        await using var prices = await TableLock.HoldAsync(connectionString, "token_prices", "ACCESS EXCLUSIVE");
        using var abandon = new CancellationTokenSource();
        var first = SendAsync(api, Prices(1), A, abandon.Token);
        await prices.WaitForWaitersAsync("depin-api", 1);
        var heldByA = new[] { api.GetAsync(Prices(2), A), api.GetAsync(Prices(3), A) };
        var heldByB = api.GetAsync(Prices(4), B);
        await prices.WaitForWaitersAsync("depin-api", 4);
        Assert.Equal(4, gate.InUse);

        // The pool is full. B (holding one) queues a request that would stop at the lock too, then C (holding none).
        var queuedByB = api.GetAsync(Prices(5), B);
        await Poll.UntilAsync(() => Task.FromResult(gate.Waiting == 1), "B's second request waiting for a session");
        var fromC = api.GetAsync(Cheap, C);
        await Poll.UntilAsync(() => Task.FromResult(gate.Waiting == 2), "C's request waiting for a session");

        // A abandons a request: its session comes back, and goes to C although B asked first. Had it gone to B,
        // B's request would hold it at the lock and C would wait its whole minute and get a 503.
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        using (var served = await fromC)
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);

        // C's session, once back, is B's.
        await prices.WaitForWaitersAsync("depin-api", 4);
        Assert.Equal(2, gate.HeldBy(Key(B)));
        Assert.Equal(0, gate.Waiting);

        await prices.ReleaseAsync();
        foreach (var request in heldByA.Append(heldByB).Append(queuedByB))
            using (var done = await request)
                Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await AssertNothingHeldAsync(gate, prices);
    }

    [Fact]
    public async Task Requests_abandoned_while_waiting_or_while_holding_a_session_give_everything_back()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var api = await StartAsync(connectionString, maxPool: 6, perClient: 2, waitSeconds: 60);
        var gate = api.Services.GetRequiredService<FairSessionGate>();

        await using var prices = await TableLock.HoldAsync(connectionString, "token_prices", "ACCESS EXCLUSIVE");
        using var abandon = new CancellationTokenSource();
        var holding = new[] { SendAsync(api, Prices(1), A, abandon.Token), SendAsync(api, Prices(2), A, abandon.Token) };
        await prices.WaitForWaitersAsync("depin-api", 2);
        var waiting = new[] { SendAsync(api, Cheap, A, abandon.Token), api.PostGraphQLAsync(SmallQuery, A, cancellationToken: abandon.Token) };
        await Poll.UntilAsync(() => Task.FromResult(gate.Waiting == 2), "A's requests beyond its cap waiting");

        await abandon.CancelAsync();
        foreach (var request in holding.Concat(waiting))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // Everything came back while the lock is still held: no place at the gate, no session in Postgres.
        await AssertNothingHeldAsync(gate, prices);
        using (var after = await api.GetAsync(Cheap, A))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static async Task<RateLimitedApi> StartAsync(string connectionString, int maxPool, int perClient, int waitSeconds)
    {
        var api = new RateLimitedApi(connectionString, TestSettings.GenerousRateLimits(
            ("Database:CommandTimeoutSeconds", "120"),
            ("Database:MaxPoolSize", maxPool.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Database:SessionsPerClient", perClient.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Database:SessionWaitSeconds", waitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("GraphQL:ExecutionTimeoutSeconds", "120"),
            ("Rest:OutputCacheEnabled", "false"),
            // More builds at once than sessions, so that the session gate, not the build gate, is what requests wait at.
            ("Server:ConcurrentBuilds", "64"),
            // The session gate alone decides here: no build gives way or waits for a newcomer.
            ("Server:BuildsBesideNewcomers", "64")));
        using (var ready = await api.GetAsync(Cheap, "192.0.2.250"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        return api;
    }

    private const string SmallQuery = "{ projects(first: 2) { nodes { slug } } }";

    private static async Task AssertNothingHeldAsync(FairSessionGate gate, TableLock observed)
    {
        await Poll.UntilAsync(() => Task.FromResult(gate.InUse == 0 && gate.Waiting == 0), "every place at the gate given back");
        // Polled: the once-a-second readiness check may be caught running its query.
        await Poll.UntilAsync(async () =>
        {
            await using var command = observed.Observer.CreateCommand("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'depin-api'
                  AND (state = 'active' OR state LIKE 'idle in transaction%')
                """);
            return (long)(await command.ExecuteScalarAsync())! == 0;
        }, "no session of the API in a transaction or running a query");
    }
}
