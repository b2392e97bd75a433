using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// A GET's <c>If-None-Match</c> is answered 304 without executing when the output cache does not hold the result (off
/// here, as when it evicted it): a result's tag is made of what decides it, all known before execution. Before, the
/// operation ran and its whole result came back under the same tag, charged its cost.
/// </summary>
public class NotModifiedWithoutCacheTests(NotModifiedWithoutCacheTests.UncachedApi api) : IClassFixture<NotModifiedWithoutCacheTests.UncachedApi>
{
    private const string Query = "{ projects(first: 20) { nodes { slug name } } }";

    [Fact]
    public async Task A_get_with_the_tag_of_its_result_is_answered_304_unexecuted_without_the_output_cache()
    {
        using var first = await GetAsync(Query, ifNoneMatch: null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.ToString();
        Assert.True(long.Parse(Cost(first)) >= 20, Cost(first));

        using var revalidated = await GetAsync(Query, etag);
        using var listed = await GetAsync(Query, "W/\"0-other\", " + etag);
        using var other = await GetAsync(Query, "W/\"0-other\"");

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag!.ToString());
        Assert.True(revalidated.Headers.CacheControl?.Public);
        Assert.Equal(first.Headers.CacheControl?.MaxAge, revalidated.Headers.CacheControl?.MaxAge);
        // Not executed: it pays its admission point, not the operation's cost.
        Assert.Equal("1", Cost(revalidated));
        Assert.Equal(HttpStatusCode.NotModified, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await DataOf(first), await DataOf(other));
    }

    [Fact]
    public async Task A_tag_of_another_media_type_or_document_does_not_match_and_a_document_that_cannot_run_is_its_error()
    {
        using var first = await GetAsync(Query, ifNoneMatch: null);
        var etag = first.Headers.ETag!.ToString();

        using var otherMedia = await GetAsync(Query, etag, accept: "application/json");
        using var otherDocument = await GetAsync("{ projects(first: 20) { nodes { slug } } }", etag);
        using var invalid = await GetAsync("{ nope }", etag);

        Assert.Equal(HttpStatusCode.OK, otherMedia.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherDocument.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    /// <summary>The seed data, rate limiting on (its cost header shows what ran), the output cache off.</summary>
    public sealed class UncachedApi : IAsyncLifetime
    {
        public ApiFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync() => Factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "100000",
            ["RateLimiting:Anonymous:BurstPoints"] = "100000",
            ["GraphQL:CacheEnabled"] = "false",
        });

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string query, string? ifNoneMatch, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var client = api.Factory.CreateClient();
        return await client.SendAsync(request);
    }

    private static async Task<string> DataOf(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetRawText();

    private static string Cost(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("RateLimit-Cost"));
}
