using System.Net;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.RateLimiting;

namespace DepinApi.Tests.Rest;

/// <summary>
/// One client spending its whole budget (1,000 points, 8 in flight) on distinct responses, large and small, cannot
/// push out of the output cache what another client keeps hot. The cache is scaled down so that the seed data's
/// small responses can fill it: 1 MiB in all, 256 KiB of it for responses over 16 KiB, and 32 KiB a client per
/// window — the defaults' proportions (128 MiB, 32 MiB, 4 MiB: a client's quota is 1/24 of the small partition).
/// </summary>
public sealed class OutputCacheFairnessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Victim = "192.0.2.10";
    private const string Attacker = "198.51.100.66";
    private const int TotalBytes = 1024 * 1024;

    /// <summary>What docs/rest.md states: one client evicts at most this share of what others keep hot, per window.</summary>
    private const double StatedShare = 0.10;

    private static readonly string[] HotPaths = HotSet().ToArray();

    [Fact]
    public async Task A_client_spending_its_whole_budget_leaves_another_clients_hot_entries_cached()
    {
        await using var api = await StartAsync(FairCache());
        await WarmAsync(api);

        var flood = await FloodAsync(api, largeOnly: false);

        Assert.True(flood.Refused, "the attacker never reached the end of its budget");
        Assert.True(flood.CacheableBytes > 3 * TotalBytes, $"the attacker was served only {flood.CacheableBytes} cacheable bytes");
        var kept = await StillCachedAsync(api);
        output.WriteLine($"attacker: {flood.Requests} requests, {flood.CacheableBytes} bytes; {kept} of {HotPaths.Length} hot entries still cached");
        Assert.True(kept >= (1 - StatedShare) * HotPaths.Length,
            $"{kept} of {HotPaths.Length} hot entries still cached after {flood.Requests} requests, {flood.CacheableBytes} bytes");
        // The quota is the attacker's own: another client's new response is still kept.
        using var newcomer = await api.GetAsync("/v1/revenue?quarter=2026Q2&metric=annualized_external_revenue", "203.0.113.5");
        Assert.Equal(HttpStatusCode.OK, newcomer.StatusCode);
        using var again = await api.GetAsync("/v1/revenue?quarter=2026Q2&metric=annualized_external_revenue", "203.0.113.5");
        Assert.True(CacheHits.IsHit(again));
    }

    [Fact]
    public async Task Large_responses_evict_only_large_ones_even_without_a_client_quota()
    {
        await using var api = await StartAsync(FairCache(("Rest:OutputCacheClientBytesPerWindow", "1073741824")));
        await WarmAsync(api);

        var flood = await FloodAsync(api, largeOnly: true);
        output.WriteLine($"attacker: {flood.Requests} requests, {flood.CacheableBytes} bytes");

        Assert.True(flood.CacheableBytes > 2 * TotalBytes, $"the attacker was served only {flood.CacheableBytes} large bytes");
        Assert.Equal(HotPaths.Length, await StillCachedAsync(api));
    }

    [Fact]
    public async Task Without_partition_and_quota_the_same_flood_evicts_the_hot_entries()
    {
        // The control: what the built-in store alone does, so the two tests above can fail.
        await using var api = await StartAsync(new Dictionary<string, string?>(CommonSettings)
        {
            ["Rest:OutputCacheSizeLimitBytes"] = TotalBytes.ToString(),
            ["Rest:OutputCacheLargePartitionBytes"] = "0",
            ["Rest:OutputCacheLargeEntryBytes"] = "1073741824",
            ["Rest:OutputCacheClientBytesPerWindow"] = "1073741824",
        });
        await WarmAsync(api);

        var flood = await FloodAsync(api, largeOnly: false);

        var kept = await StillCachedAsync(api);
        output.WriteLine($"attacker: {flood.Requests} requests, {flood.CacheableBytes} bytes; {kept} of {HotPaths.Length} hot entries still cached");
        Assert.True(kept < (1 - StatedShare) * HotPaths.Length);
    }

    private static readonly Dictionary<string, string?> CommonSettings = TestSettings.GenerousRateLimits(
        // The test measures the cache, not the database: a busy machine must not turn a first read into a 503.
        ("Database:CommandTimeoutSeconds", "60"),
        // The test measures the cache store under a flood of large responses. Introspection is charged by what it
        // returns (docs/graphql.md), which alone would end this flood after two requests; free here, the store has
        // to hold on its own.
        ("GraphQL:IntrospectionObjectsPerPoint", "0"));

    private static Dictionary<string, string?> FairCache(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>(CommonSettings)
        {
            ["Rest:OutputCacheSizeLimitBytes"] = TotalBytes.ToString(),
            ["Rest:OutputCacheLargePartitionBytes"] = (256 * 1024).ToString(),
            ["Rest:OutputCacheLargeEntryBytes"] = (16 * 1024).ToString(),
            ["Rest:OutputCacheClientBytesPerWindow"] = (32 * 1024).ToString(),
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    private static async Task<RateLimitedApi> StartAsync(Dictionary<string, string?> settings) =>
        new(await TestPostgres.CreateDatabaseAsync(), settings);

    private static IEnumerable<string> HotSet()
    {
        string[] slugs = ["helium", "akash", "render", "filecoin", "hivemapper", "aethir", "io-net"];
        foreach (var slug in slugs)
        {
            yield return $"/v1/projects/{slug}";
            yield return $"/v1/projects/{slug}/revenue";
            yield return $"/v1/projects/{slug}/token-prices";
            yield return $"/v1/projects/{slug}/metrics";
            yield return $"/v1/projects/{slug}/settlement-mix";
        }
        yield return "/v1/sources";
        yield return "/v1/settlement-mix";
        yield return "/v1/sector-figures";
        yield return "/v1/sectors";
        yield return "/v1/changes";
    }

    /// <summary>
    /// Each hot entry is loaded twice by a client of its own (many readers keep the hot set hot, none alone adds it
    /// all): the second answer must already come from the cache.
    /// </summary>
    private static async Task WarmAsync(RateLimitedApi api)
    {
        for (var i = 0; i < HotPaths.Length; i++)
        {
            var path = HotPaths[i];
            var reader = $"192.0.2.{100 + i}";
            using var first = await api.GetAsync(path, reader);
            Assert.True(first.StatusCode == HttpStatusCode.OK, $"{path}: {(int)first.StatusCode}");
            using var second = await api.GetAsync(path, reader);
            Assert.True(CacheHits.IsHit(second), $"{path} was not cached when warmed");
        }
    }

    private static async Task<int> StillCachedAsync(RateLimitedApi api)
    {
        var kept = 0;
        foreach (var path in HotPaths)
        {
            using var response = await api.GetAsync(path, Victim);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (CacheHits.IsHit(response))
                kept++;
        }
        return kept;
    }

    private sealed record Flood(int Requests, long CacheableBytes, bool Refused);

    /// <summary>
    /// The attacker, 8 requests in flight, each a distinct response: introspection POSTs (large) and, unless
    /// <paramref name="largeOnly"/>, every page size of the project list as JSON and CSV (small), until refused.
    /// </summary>
    private static async Task<Flood> FloodAsync(RateLimitedApi api, bool largeOnly)
    {
        var requests = new System.Collections.Concurrent.ConcurrentQueue<Func<HttpRequestMessage>>();
        for (var i = 0; i < 40; i++)
            requests.Enqueue(() => IntrospectionPost(Interlocked.Increment(ref introspectionSerial)));
        if (!largeOnly)
            for (var limit = 1; limit <= 500; limit++)
                foreach (var format in new[] { "json", "csv" })
                {
                    var path = $"/v1/projects?limit={limit}&format={format}";
                    requests.Enqueue(() => new HttpRequestMessage(HttpMethod.Get, path));
                }

        var served = 0;
        long bytes = 0;
        var refused = false;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (!Volatile.Read(ref refused) && requests.TryDequeue(out var make))
            {
                using var request = make();
                request.Headers.Add(TestEndpoints.PeerHeader, Attacker);
                using var response = await api.Client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Volatile.Write(ref refused, true);
                    continue;
                }
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Interlocked.Increment(ref served);
                Interlocked.Add(ref bytes, body.Length);
            }
        });
        await Task.WhenAll(workers);
        return new Flood(served, bytes, refused);
    }

    private static int introspectionSerial;

    /// <summary>Six aliases of the whole schema's types and fields; a comment makes each body, so each cache key, new.</summary>
    private static HttpRequestMessage IntrospectionPost(int serial)
    {
        var aliases = string.Join(" ", Enumerable.Range(0, 6).Select(i =>
            $"s{i}: __schema {{ types {{ name description fields {{ name description args {{ name description }} type {{ name kind ofType {{ name kind }} }} }} }} }}"));
        var document = $"# {serial}\n{{ {aliases} }}";
        return RateLimitedApi.GraphQLRequest(document);
    }
}
