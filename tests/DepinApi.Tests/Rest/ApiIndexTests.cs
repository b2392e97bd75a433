using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary><c>/</c> and <c>/v1</c> list the API; a URL nothing answers is a problem+json 404 pointing at that list.</summary>
public class ApiIndexTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/v1")]
    public async Task The_index_links_every_collection_and_every_link_answers(string path)
    {
        var index = await api.GetJsonAsync(path);

        var collections = index.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("href").GetString()!).ToList();
        foreach (var expected in new[] { "/v1/projects", "/v1/figures", "/v1/token-prices", "/v1/screening", "/v1/sectors/analytics", "/v1/sources" })
            Assert.Contains(collections, href => new Uri(href).AbsolutePath == expected);
        var documents = index.GetProperty("documents").EnumerateArray().ToDictionary(
            d => d.GetProperty("name").GetString()!, d => d.GetProperty("href").GetString()!);
        Assert.Equal("http://localhost/openapi/v1.json", documents["openApi"]);
        Assert.Equal("http://localhost/graphql", documents["graphql"]);
        var templates = index.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("href").GetString()).ToList();
        Assert.Contains("http://localhost/v1/projects/{slug}", templates);

        var failures = new List<string>();
        foreach (var href in collections.Concat(documents.Values).Distinct())
        {
            // As a browser follows a link: the GraphQL link opens the IDE.
            using var request = new HttpRequestMessage(HttpMethod.Get, href);
            request.Headers.Accept.ParseAdd("text/html,application/json;q=0.9,*/*;q=0.8");
            using var response = await api.Client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
                failures.Add($"{href}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/v1")]
    public async Task The_index_has_the_caching_headers_of_every_resource_with_a_tag_of_its_own_bytes(string path)
    {
        using var plain = await api.Client.GetAsync(path);
        using var gzip = await api.Client.SendWithHeadersAsync(path, acceptEncoding: "gzip");
        var etag = plain.Headers.ETag!;
        using var revalidated = await api.Client.SendWithHeadersAsync(path, ifNoneMatch: etag.ToString());
        using var changed = await api.Client.SendWithHeadersAsync(path, ifMatch: "\"nope\"");
        using var unchanged = await api.Client.SendWithHeadersAsync(path, ifMatch: etag.ToString());

        Assert.False(etag.IsWeak);
        Assert.True(plain.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), plain.Headers.CacheControl?.MaxAge);
        Assert.Equal(["Accept", "Accept-Encoding"], plain.Headers.Vary.Order(StringComparer.Ordinal));
        Assert.Equal("application/json", plain.Content.Headers.ContentType?.MediaType);
        // A compressed body is another representation: another strong tag.
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.NotEqual(etag, gzip.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Equal(plain.Headers.Vary, revalidated.Headers.Vary);
        Assert.Equal(HttpStatusCode.PreconditionFailed, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await unchanged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_index_lists_each_collections_query_parameters()
    {
        var index = await api.GetJsonAsync("/v1");

        var projects = index.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "ListProjects");
        Assert.Equal(new[] { "asOf", "cursor", "format", "limit", "q", "sector", "sort" },
            projects.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("/v1/nothing-here", "application/json")]
    [InlineData("/nothing-here", "text/html")]
    [InlineData("/v1/projects/helium/nothing", "*/*")]
    public async Task An_unmatched_url_is_a_problem_404_whatever_the_client_accepts(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/problems/not-found", problem.GetProperty("type").GetString());
        Assert.Equal(path, problem.GetProperty("path").GetString());
        Assert.Contains("GET /v1 lists", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Head_405_and_the_ide_keep_their_answers()
    {
        using (var head = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/nothing-here")))
        {
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        using (var headIndex = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1")))
            Assert.Equal(HttpStatusCode.OK, headIndex.StatusCode);
        using (var post = await api.Client.PostAsync("/v1/projects", new StringContent("{}")))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        }
        using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        ide.Headers.Accept.ParseAdd("text/html");
        ide.Headers.Add("Sec-Fetch-Mode", "navigate");
        using var page = await api.Client.SendAsync(ide);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
