using System.Net;
using System.Net.Http.Headers;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL;

/// <summary>The same document and variables on the same data version are served from the output cache; GET is CDN-cacheable.</summary>
public class CachingTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Fact]
    public async Task A_repeated_get_is_served_from_the_cache_with_an_etag_and_public_cache_control()
    {
        const string query = """{ project(slug: "render") { name revenue { id amountUsd } } }""";

        using var first = await api.Client.SendGetAsync(query);
        using var second = await api.Client.SendGetAsync(query);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.StartsWith("W/\"1-", first.Headers.ETag!.ToString());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.True(first.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl?.MaxAge);
        Assert.False(CacheHits.IsHit(first));
        Assert.True(CacheHits.IsHit(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_get_with_the_cached_etag_is_answered_304()
    {
        const string query = """{ project(slug: "filecoin") { slug } }""";
        using var first = await api.Client.SendGetAsync(query);

        using var revalidated = await api.Client.SendGetAsync(query, configure: r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task A_get_with_if_match_is_a_412_unexecuted_as_no_weak_tag_matches_and_star_matches_any_result()
    {
        const string query = """{ project(slug: "akash") { slug } }""";
        using var first = await api.Client.SendGetAsync(query);
        var etag = first.Headers.ETag!.ToString();

        using var named = await api.Client.SendGetAsync(query, configure: r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        using var star = await api.Client.SendGetAsync(query, configure: r => r.Headers.TryAddWithoutValidation("If-Match", "*"));
        using var invalid = await api.Client.SendGetAsync("{ nope }", configure: r => r.Headers.TryAddWithoutValidation("If-Match", etag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, named.StatusCode);
        var error = (await GraphQLClient.ReadAsync(named)).GetProperty("errors")[0];
        Assert.Equal("PRECONDITION_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, star.StatusCode);
        Assert.True(CacheHits.IsHit(star));
        // A document that cannot run is answered with its own error.
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Other_variables_are_another_cache_entry()
    {
        const string query = "query($slug: String!) { project(slug: $slug) { slug } }";

        var helium = await GraphQLClient.ReadAsync(await api.Client.SendGetAsync(query, new { slug = "helium" }));
        var akash = await GraphQLClient.ReadAsync(await api.Client.SendGetAsync(query, new { slug = "akash" }));

        Assert.Equal("helium", helium.GetProperty("data").GetProperty("project").GetProperty("slug").GetString());
        Assert.Equal("akash", akash.GetProperty("data").GetProperty("project").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_repeated_post_is_served_from_the_cache_too()
    {
        const string query = """{ project(slug: "io-net") { name } }""";

        using var first = await api.Client.SendPostAsync(query);
        using var second = await api.Client.SendPostAsync(query);

        Assert.False(CacheHits.IsHit(first));
        Assert.True(CacheHits.IsHit(second));
    }

    [Fact]
    public async Task Errors_and_the_callers_own_budget_are_never_stored()
    {
        const string bad = """{ meta(asOf: "99") { dataVersion } }""";
        using var error = await api.Client.SendGetAsync(bad);
        using var errorAgain = await api.Client.SendGetAsync(bad);
        using var budget = await api.Client.SendGetAsync("{ rateLimit { remaining } }");
        using var budgetAgain = await api.Client.SendGetAsync("{ rateLimit { remaining } }");

        Assert.True(error.Headers.CacheControl?.NoStore);
        Assert.False(CacheHits.IsHit(errorAgain));
        Assert.True(budget.Headers.CacheControl?.NoStore);
        Assert.False(CacheHits.IsHit(budgetAgain));
    }

    [Fact]
    public async Task The_response_varies_by_accept()
    {
        using var response = await api.Client.SendGetAsync("{ meta { dataVersion } }");

        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(new MediaTypeHeaderValue("application/graphql-response+json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
    }
}
