using System.Text.RegularExpressions;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DepinApi.Tests.Rest;

/// <summary>
/// A cached answer is byte for byte the answer the request would get uncached: a spelling of the
/// path or query that answers differently never shares another spelling's entry.
/// </summary>
public sealed partial class OutputCacheKeyTests : IAsyncLifetime
{
    private const string Query = "{ projects(first: 2) { nodes { slug } } }";

    private ApiFactory cached = null!;
    private ApiFactory uncached = null!;

    public static TheoryData<string, string> Spellings { get; } = new()
    {
        { "/v1/projects/aethir", "/v1/projects/AETHIR" },
        { "/v1/projects/aethir/revenue", "/v1/projects/Aethir/revenue" },
        { "/v1/revenue/aethir-2025q2-quarterly-revenue", "/v1/revenue/AETHIR-2025Q2-QUARTERLY-REVENUE" },
        { "/v1/projects?sector=compute&limit=2", "/v1/projects?SECTOR=compute&limit=2" },
        { "/v1/projects?limit=2&sector=compute", "/v1/projects?sector=compute&limit=2" },
        { "/v1/sources?limit=2&asOf=1", "/v1/sources?limit=2&ASOF=1" },
        { "/graphql?query=" + Uri.EscapeDataString(Query), "/GRAPHQL?query=" + Uri.EscapeDataString(Query) },
        { "/graphql?query=" + Uri.EscapeDataString(Query), "/graphql?QUERY=" + Uri.EscapeDataString(Query) },
    };

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            // Both hosts sign cursors alike, so their pages can be compared byte for byte.
            ["Rest:CursorKey"] = Convert.ToBase64String(new byte[32]),
        };
        cached = new ApiFactory(connectionString, settings);
        cached.CreateClient().Dispose();
        uncached = new ApiFactory(connectionString, new Dictionary<string, string?>(settings)
        {
            ["Rest:OutputCacheEnabled"] = "false",
            ["GraphQL:CacheEnabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await cached.DisposeAsync();
        await uncached.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task A_spelling_is_never_answered_from_another_spellings_entry(string first, string second)
    {
        using var client = cached.CreateClient();
        using var reference = uncached.CreateClient();
        await UntilCachedAsync(client, first);

        var fromCache = await Snapshot(client, second);
        var direct = await Snapshot(reference, second);

        Assert.Equal(direct, fromCache);
    }

    [Fact]
    public async Task A_long_header_or_query_string_makes_no_long_cache_key()
    {
        var store = new KeyRecordingStore();
        await using var recording = cached.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var inner = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.RemoveAll<IOutputCacheStore>();
            services.AddSingleton<IOutputCacheStore>(provider => store.Wrapping((IOutputCacheStore)inner.ImplementationFactory!(provider)));
        }));
        using var client = recording.CreateClient();
        var longAccept = string.Join(", ", Enumerable.Range(0, 800).Select(i => $"application/x{i};q=0.{(i % 9) + 1}"))
                         + ", application/json;q=0.05";
        var junk = new string('x', 20_000);

        foreach (var (url, accept) in new[]
                 {
                     ("/v1/meta", longAccept),
                     ("/v1/projects?limit=3", "application/json, " + new string(' ', 10) + longAccept),
                     ("/graphql?query=" + Uri.EscapeDataString(Query) + "&junk=" + junk, "application/json"),
                     ("/graphql?query=" + Uri.EscapeDataString(Query), longAccept),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{url[..Math.Min(40, url.Length)]}: {(int)response.StatusCode}");
        }

        Assert.True(store.Keys.Count >= 4, $"{store.Keys.Count} responses stored");
        Assert.All(store.Keys, key => Assert.True(key.Length < 512, $"a key of {key.Length} characters: {key[..100]}…"));
    }

    private sealed class KeyRecordingStore
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Keys { get; } = [];

        public IOutputCacheStore Wrapping(IOutputCacheStore inner) => new Recording(inner, Keys);

        private sealed class Recording(IOutputCacheStore inner, System.Collections.Concurrent.ConcurrentBag<string> keys) : IOutputCacheStore
        {
            public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

            public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

            public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
            {
                keys.Add(key);
                return inner.SetAsync(key, value, tags, validFor, cancellationToken);
            }
        }
    }

    // The cache stores an entry once the response has been sent, which the client may see first;
    // an answer from the cache carries an Age header.
    private static async Task UntilCachedAsync(HttpClient client, string url)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            if (CacheHits.IsHit(response))
                return;
            await Task.Delay(20);
        }
        Assert.Fail($"{url} was never answered from the output cache");
    }

    private static async Task<string> Snapshot(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
        using var response = await client.SendAsync(request);
        var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(",", links) : "";
        // A problem's traceId names the request, not the answer.
        var body = TraceId().Replace(await response.Content.ReadAsStringAsync(), "");
        return $"{(int)response.StatusCode}\nETag: {response.Headers.ETag}\nLink: {link}\n{body}";
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
