using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Tests.Ide;

/// <summary>The IDE page and the GraphQL endpoint share /graphql; these tests pin down who answers what.</summary>
[Collection(IdeApiCollection.Name)]
public partial class IdeEndpointTests(IdeApiFixture fixture)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_browser_opening_graphql_gets_the_IDE_page()
    {
        using var response = await Get("/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"graphiql\">", html);
        Assert.Equal(2, AssetUrls(html).Count);
    }

    [Fact]
    public async Task The_page_too_short_to_compress_is_sent_as_it_is_with_one_strong_tag()
    {
        using var plain = await Get("/graphql", BrowserAccept);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gzip = await Client().SendAsync(request);

        var page = await gzip.Content.ReadAsByteArrayAsync();
        Assert.True(page.Length < QualityCompressionProvider.SmallestCompressedBytes, $"the page is {page.Length} bytes");
        Assert.Empty(gzip.Content.Headers.ContentEncoding);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), page);
        Assert.False(plain.Headers.ETag!.IsWeak);
        Assert.Equal(plain.Headers.ETag, gzip.Headers.ETag);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_so_a_strict_CSP_can_hold()
    {
        var html = await (await Get("/graphql", BrowserAccept)).Content.ReadAsStringAsync();

        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Matches("src=\"/graphql/ide/ide-[0-9a-f]{16}\\.js\"", script.Value));
        Assert.DoesNotMatch(" on[a-z]+=", html);
    }

    [Fact]
    public async Task The_assets_the_page_names_are_served_with_a_year_of_caching()
    {
        var html = await (await Get("/graphql", BrowserAccept)).Content.ReadAsStringAsync();

        foreach (var url in AssetUrls(html))
        {
            using var response = await Get(url, "*/*");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", response.Headers.CacheControl?.Extensions.Select(e => e.Name) ?? []);
            Assert.Equal(url.EndsWith(".js") ? "text/javascript" : "text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 10_000, $"{url} is suspiciously small");
        }
    }

    [Fact]
    public async Task A_client_that_accepts_brotli_gets_the_precompressed_asset_with_the_same_content()
    {
        var script = AssetUrls(await (await Get("/graphql", BrowserAccept)).Content.ReadAsStringAsync()).Single(url => url.EndsWith(".js"));
        var plain = await (await Get(script, "*/*")).Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        using var response = await Client().SendAsync(request);

        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var brotli = new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await brotli.CopyToAsync(decompressed);
        Assert.Equal(plain, decompressed.ToArray());
    }

    [Fact]
    public async Task An_asset_is_revalidated_by_its_entity_tag()
    {
        var script = AssetUrls(await (await Get("/graphql", BrowserAccept)).Content.ReadAsStringAsync()).First();
        var first = await Get(script, "*/*");
        Assert.NotNull(first.Headers.ETag);

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task An_unknown_asset_is_a_404_problem_naming_the_file()
    {
        using var response = await Get("/graphql/ide/ide-0000000000000000.js", "*/*");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/ide-asset-not-found", problem.GetProperty("type").GetString());
        Assert.Contains("ide-0000000000000000.js", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_GET_with_a_query_parameter_is_executed_even_when_a_browser_sends_it()
    {
        using var response = await Get("/graphql?query=%7B__typename%7D", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Query", body.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("*/*")]
    // The JSON types take */*'s quality, above the page's.
    [InlineData("*/*;q=0.9, text/html;q=0.1")]
    [InlineData("text/html;q=0.5, */*")]
    public async Task A_GraphQL_client_without_a_query_gets_a_GraphQL_error_not_the_page(string accept)
    {
        using var response = await Get("/graphql", accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("query", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_POST_from_the_IDE_is_executed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Query", body.GetProperty("data").GetProperty("__typename").GetString());
    }

    private HttpClient Client() => fixture.Factory.CreateClient();

    private async Task<HttpResponseMessage> Get(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await Client().SendAsync(request);
    }

    private static List<string> AssetUrls(string html) =>
        [.. AssetReference().Matches(html).Select(match => match.Groups[1].Value)];

    [GeneratedRegex("(?:src|href)=\"(/graphql/ide/[^\"]+)\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
