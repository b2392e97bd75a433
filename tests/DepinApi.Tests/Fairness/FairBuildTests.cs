using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DepinApi.Fairness;
using DepinApi.Security;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.RateLimiting;
using DepinApi.Tests.Reliability;
using DepinApi.Tests.Rest.Buffering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static DepinApi.Tests.Fairness.HeldRequests;

namespace DepinApi.Tests.Fairness;

/// <summary>
/// Responses are built a few at a time, shared fairly between clients (<see cref="FairBuildGate"/>): a freed turn goes
/// to the waiting client that holds the fewest, a request that waits too long is answered 503 server-busy /
/// SERVER_BUSY, cached answers and probes take no turn, a slow reader holds none, and an abandoned request gives its
/// turn back. Builds are held deterministically: a test lock on token_prices stops every request for a price series
/// inside its build.
/// </summary>
public sealed class FairBuildTests
{
    [Fact]
    public async Task By_default_twice_the_cores_are_built_at_once_one_beside_a_newcomer_in_steps_of_32_KiB_and_a_request_waits_ten_seconds()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());

        var gate = factory.Services.GetRequiredService<FairBuildGate>();

        Assert.Equal(2 * Environment.ProcessorCount, gate.Capacity);
        Assert.Equal(10, gate.WaitSeconds);
        var server = factory.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        Assert.Equal(1, server.BuildsBesideNewcomers);
        Assert.Equal(32 * 1024, server.BuildStepBytes);
        Assert.Equal(4096, server.LargeRequestBytes);
        Assert.Equal(1, gate.LargeCapacity);
    }

    [Theory]
    [InlineData("Server:ConcurrentBuilds", "-1")]
    [InlineData("Server:BuildWaitSeconds", "0")]
    [InlineData("Server:BuildsBesideNewcomers", "0")]
    [InlineData("Server:BuildStepBytes", "-1")]
    [InlineData("Server:LargeRequestBytes", "-1")]
    [InlineData("Server:ConcurrentLargeBuilds", "0")]
    public async Task A_setting_out_of_range_stops_the_start_naming_it(string key, string value)
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync(), new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(key.Split(':')[1], failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_freed_turn_goes_to_the_client_holding_none_before_the_queued_request_of_one_holding_some()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        // Two turns, a long wait: an unfair hand-out would show as C waiting its whole minute at the lock.
        await using var api = await StartAsync(connectionString, builds: 2, waitSeconds: 60);
        var gate = api.Services.GetRequiredService<FairBuildGate>();

        await using var prices = await TableLock.HoldAsync(connectionString, "token_prices", "ACCESS EXCLUSIVE");
        using var abandon = new CancellationTokenSource();
        var first = SendAsync(api, Prices(1), A, abandon.Token);
        var second = api.GetAsync(Prices(2), A);
        await prices.WaitForWaitersAsync("depin-api", 2);
        // One client alone may take every turn: nobody else was waiting.
        Assert.Equal(2, gate.HeldBy(Key(A)));

        // A queues a request that would stop at the lock too, then C (holding none) asks.
        var queuedByA = api.GetAsync(Prices(3), A);
        await Poll.UntilAsync(() => Task.FromResult(gate.Waiting == 1), "A's third request waiting for a turn");
        var fromC = api.GetAsync(Cheap, C);
        await Poll.UntilAsync(() => Task.FromResult(gate.Waiting == 2), "C's request waiting for a turn");

        // A abandons a request: its turn goes to C although A asked first.
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        using (var served = await fromC)
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);

        // C's turn, once back, is A's.
        await prices.WaitForWaitersAsync("depin-api", 2);
        Assert.Equal(2, gate.HeldBy(Key(A)));
        Assert.Equal(0, gate.Waiting);

        await prices.ReleaseAsync();
        foreach (var request in new[] { second, queuedByA })
            using (var done = await request)
                Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await Poll.UntilAsync(() => Task.FromResult(gate.InUse == 0 && gate.Waiting == 0), "every turn given back");
    }

    [Fact]
    public async Task While_every_turn_is_held_cached_answers_and_probes_are_served_and_a_build_is_refused_after_its_wait()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var api = await StartAsync(connectionString, builds: 1, waitSeconds: 1, outputCache: true);
        var gate = api.Services.GetRequiredService<FairBuildGate>();
        using (var warm = await api.GetAsync(Cheap, B))
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        await using var prices = await TableLock.HoldAsync(connectionString, "token_prices", "ACCESS EXCLUSIVE");
        var held = api.GetAsync(Prices(1), A);
        await prices.WaitForWaitersAsync("depin-api", 1);
        Assert.Equal(1, gate.InUse);

        using (var cached = await api.GetAsync(Cheap, C))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.True(CacheHits.IsHit(cached));
        }
        foreach (var probe in new[] { "/healthz", "/readyz" })
            using (var answered = await api.GetAsync(probe, C))
                Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        using (var refused = await api.GetAsync("/v1/projects?limit=4", C))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("1", string.Join(",", refused.Headers.GetValues("Retry-After")));
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("/problems/server-busy", problem.GetProperty("type").GetString());
        }
        using (var refused = await api.Client.SendAsync(GraphQLRequest(C, "{ projects(first: 2) { nodes { slug } } }")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("1", string.Join(",", refused.Headers.GetValues("Retry-After")));
            var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.Equal("SERVER_BUSY", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(1, error.GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt32());
            Assert.False(body.TryGetProperty("data", out _));
        }

        await prices.ReleaseAsync();
        using (var done = await held)
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await Poll.UntilAsync(() => Task.FromResult(gate.InUse == 0 && gate.Waiting == 0), "every turn given back");
    }

    [Fact]
    public async Task A_large_document_leaves_its_place_once_checked_so_another_is_checked_while_it_executes()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var api = await StartAsync(connectionString, builds: 2, waitSeconds: 60,
            settings: new Dictionary<string, string?> { ["Server:LargeRequestBytes"] = "1024" });
        var gate = api.Services.GetRequiredService<FairBuildGate>();
        Assert.Equal(1, gate.LargeCapacity);

        await using var prices = await TableLock.HoldAsync(connectionString, "token_prices", "ACCESS EXCLUSIVE");
        // A's document is longer than 1,024 bytes: checked in the one place of large requests, then executed, at the lock.
        var first = api.Client.SendAsync(GraphQLRequest(A, PricesDocument("2024-01-01", padding: 2000)));
        await prices.WaitForWaitersAsync("depin-api", 1);
        Assert.Equal(1, gate.InUse);
        Assert.Equal(0, gate.LargeInUse);

        // So B's large document is checked while A's executes, and reaches the lock too.
        var second = api.Client.SendAsync(GraphQLRequest(B, PricesDocument("2024-01-02", padding: 2000)));
        await prices.WaitForWaitersAsync("depin-api", 2);
        Assert.Equal(2, gate.InUse);

        await prices.ReleaseAsync();
        foreach (var request in new[] { first, second })
            using (var done = await request)
                Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        // A large document refused at its check gives the place back with its turn.
        using (var refused = await api.Client.SendAsync(GraphQLRequest(C, PricesDocument("2024-01-03", padding: 2000).Replace("priceUsd", "nope"))))
            Assert.Contains("Cannot query field", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Poll.UntilAsync(() => Task.FromResult(gate.InUse == 0 && gate.LargeInUse == 0 && gate.LargeWaiting == 0), "every turn and place given back");
    }

    [Fact]
    public async Task Requests_abandoned_while_waiting_or_while_building_give_their_turns_back()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var api = await StartAsync(connectionString, builds: 1, waitSeconds: 60);
        var gate = api.Services.GetRequiredService<FairBuildGate>();

        await using var prices = await TableLock.HoldAsync(connectionString, "token_prices", "ACCESS EXCLUSIVE");
        using var abandon = new CancellationTokenSource();
        var building = SendAsync(api, Prices(1), A, abandon.Token);
        await prices.WaitForWaitersAsync("depin-api", 1);
        var waiting = new[] { SendAsync(api, Cheap, B, abandon.Token), SendGraphQLAsync(api, C, abandon.Token) };
        await Poll.UntilAsync(() => Task.FromResult(gate.Waiting == 2), "B's and C's requests waiting for a turn");

        await abandon.CancelAsync();
        foreach (var request in waiting.Prepend(building))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // Everything came back while the lock is still held.
        await Poll.UntilAsync(() => Task.FromResult(gate.InUse == 0 && gate.Waiting == 0), "every turn given back");
        using (var after = await api.GetAsync(Cheap, B))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_client_that_stops_reading_holds_no_turn_while_the_next_request_is_built()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        // Were the turn still the slow reader's, the next request would be a 503.
        var (factory, port) = StartWithOneTurnOnKestrel(connectionString, new Dictionary<string, string?>
        {
            ["Rest:MaxLimit"] = "5000",
            ["Rest:OutputCacheEnabled"] = "false",
        });
        await using var _ = factory;
        // Synthetic rows (labelled so, made here only): a page the socket buffers cannot absorb at once.
        await SyntheticSeries.AddAsync(connectionString, "helium", 20_000);
        var gate = factory.Services.GetRequiredService<FairBuildGate>();
        using var patience = new CancellationTokenSource(Poll.Patience);

        using var slow = await SlowHttpClient.GetAsync(port, "/v1/projects/helium/token-prices?limit=5000");
        Assert.True(await slow.ReadAsync(1024, patience.Token) > 0);
        // It stops reading; the server's writes back up.
        await Poll.UntilAsync(() => Task.FromResult(gate.InUse == 0), "the slow reader's turn given back");

        // From the same address, so even the client's own share is free.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using (var next = await http.GetAsync("/v1/projects/helium/token-prices?limit=500&from=1990-01-01", patience.Token))
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        using (var graphQL = await http.PostAsync("/graphql", new StringContent(
                   JsonSerializer.Serialize(new { query = "{ projects(first: 2) { nodes { slug } } }" }), Encoding.UTF8, "application/json"), patience.Token))
            Assert.Equal(HttpStatusCode.OK, graphQL.StatusCode);

        // The check ran mid-response: most of it was still to come.
        var rest = await slow.ReadToEndAsync(patience.Token);
        Assert.True(rest > 64 * 1024, $"only {rest} bytes were left to read after the check");
    }

    [Fact]
    public async Task A_client_sending_its_body_slowly_holds_no_turn_nor_place_even_with_the_graphql_cache_off()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        // Were the turn or the place the slow sender's, the next requests would be 503s. Without the cache nothing
        // reads the body for a key; it is read before the gate all the same.
        var (factory, port) = StartWithOneTurnOnKestrel(connectionString, new Dictionary<string, string?> { ["GraphQL:CacheEnabled"] = "false" });
        await using var _ = factory;
        var gate = factory.Services.GetRequiredService<FairBuildGate>();

        // A large body (5,000 bytes), of which only the first hundred come; the rest never does while the test runs.
        using var slow = new System.Net.Sockets.TcpClient();
        await slow.ConnectAsync("127.0.0.1", port);
        var document = JsonSerializer.Serialize(new { query = PricesDocument("2024-01-01", padding: 5000) });
        await slow.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {document.Length}\r\n\r\n"
            + document[..100]));
        // Time for the server to take the request in: a request that took a turn would hold it from here.
        await Task.Delay(500);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        foreach (var query in new[] { "{ projects(first: 2) { nodes { slug } } }", PricesDocument("2024-01-02", padding: 5000) })
            using (var answered = await http.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json")))
                Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(0, gate.InUse);
        Assert.Equal(0, gate.LargeInUse);
    }

    // A server on a loopback port with the seed data, no rate limits, one build turn and a wait of 1 s for it.
    private static (ApiFactory Factory, int Port) StartWithOneTurnOnKestrel(string connectionString, Dictionary<string, string?> settings)
    {
        var port = FreePort.OnLoopback();
        var factory = new ApiFactory(connectionString, new Dictionary<string, string?>(settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "false",
            ["Server:ConcurrentBuilds"] = "1",
            ["Server:BuildWaitSeconds"] = "1",
        });
        factory.UseKestrel(port);
        factory.StartServer();
        return (factory, port);
    }

    private static async Task<RateLimitedApi> StartAsync(
        string connectionString, int builds, int waitSeconds, bool outputCache = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var api = new RateLimitedApi(connectionString, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "1000",
            ["RateLimiting:Anonymous:ConcurrentRequests"] = "8",
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["Database:CommandTimeoutSeconds"] = "120",
            ["GraphQL:ExecutionTimeoutSeconds"] = "120",
            ["Rest:OutputCacheEnabled"] = outputCache ? "true" : "false",
            ["Server:ConcurrentBuilds"] = builds.ToString(CultureInfo.InvariantCulture),
            ["Server:BuildWaitSeconds"] = waitSeconds.ToString(CultureInfo.InvariantCulture),
        });
        using (var ready = await api.GetAsync("/v1/meta", "192.0.2.250"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        return api;
    }

    private static Task<HttpResponseMessage> SendGraphQLAsync(RateLimitedApi api, string peer, CancellationToken cancellationToken) =>
        api.Client.SendAsync(GraphQLRequest(peer, "{ projects(first: 2) { nodes { slug } } }"), cancellationToken);

    // A document reading a price series (so the test lock holds it), after a comment of `padding` characters.
    private static string PricesDocument(string from, int padding) =>
        $"#{new string('x', padding)}\n{{ project(slug: \"helium\") {{ tokenPrices(from: \"{from}\") {{ date priceUsd }} }} }}";

    private static HttpRequestMessage GraphQLRequest(string peer, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TestEndpoints.PeerHeader, peer);
        return request;
    }
}
