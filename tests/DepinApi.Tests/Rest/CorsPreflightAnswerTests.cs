using System.Net;
using System.Text.Json;
using DepinApi.Tests.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Rest;

/// <summary>
/// What a browser's preflight is answered, with the server's default settings (rate limits on): 204 granting the
/// methods wherever the URL answers the one asked about, else the error the request itself would get, readable from
/// any origin as every error is (docs/rest.md, <i>CORS</i>; docs/errors.md).
/// </summary>
public class CorsPreflightAnswerTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    private const string Origin = "https://dashboard.example";

    [Theory]
    [InlineData("/v1/projects", "DELETE", HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed")]
    [InlineData("/v1/nonexistent", "GET", HttpStatusCode.NotFound, "/problems/not-found")]
    [InlineData("/healthz", "DELETE", HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed")]
    [InlineData("/openapi/v1.json", "DELETE", HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed")]
    [InlineData("/pages/assets/pages.css", "POST", HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed")]
    [InlineData("/graphql/ide/ide.js", "PUT", HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed")]
    public async Task A_preflight_nothing_grants_is_the_error_its_request_would_get_readable_from_any_origin(
        string url, string method, HttpStatusCode status, string problemType)
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits());
        using var normal = await FromOtherOriginAsync(api, HttpMethod.Get, url, askedMethod: null);
        using var preflight = await FromOtherOriginAsync(api, HttpMethod.Options, url, method);

        Assert.Equal(status, preflight.StatusCode);
        Assert.Equal("application/problem+json", preflight.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await preflight.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(problemType, problem.GetProperty("type").GetString());
        Assert.Equal("*", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(normal.Headers.GetValues("Access-Control-Expose-Headers"), preflight.Headers.GetValues("Access-Control-Expose-Headers"));
        // An error grants nothing: a browser fails a preflight whose status is not 2xx, and nothing here says otherwise.
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Theory]
    [InlineData("/docs/nosuch.js", "GET", "/problems/not-found")]
    [InlineData("/docs/index.htm", "HEAD", "/problems/not-found")]
    [InlineData("/openapi/v2.json", "GET", "/problems/not-found")]
    [InlineData("/openapi/3.0/nosuch.json", "GET", "/problems/not-found")]
    [InlineData("/pages/assets/nosuch.css", "GET", "/problems/page-asset-not-found")]
    [InlineData("/graphql/ide/nosuch.js", "HEAD", "/problems/ide-asset-not-found")]
    public async Task A_preflight_for_a_name_a_route_of_files_does_not_publish_is_the_404_its_get_gets(string url, string method,
        string problemType)
    {
        // Their routes take any name, and a preflight for one nothing is published at was granted as a real file's is.
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits());
        using var get = await FromOtherOriginAsync(api, HttpMethod.Get, url, askedMethod: null);
        using var preflight = await FromOtherOriginAsync(api, HttpMethod.Options, url, method);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, preflight.StatusCode);
        Assert.Equal("application/problem+json", preflight.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await preflight.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(problemType, problem.GetProperty("type").GetString());
        Assert.Equal(problemType, JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
        Assert.Equal("*", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/docs/")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/openapi/V1.json")]
    [InlineData("/openapi/3.0/v1.json")]
    [InlineData("/docs/index.html")]
    [InlineData(PagesCss)]
    [InlineData(IdeScript)]
    public async Task A_preflight_for_a_get_of_a_page_or_file_beside_the_api_is_granted_as_the_get_is_readable(string url)
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits());
        using var preflight = await FromOtherOriginAsync(api, HttpMethod.Options, await PublishedAsync(api, url), "GET");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("GET,HEAD", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Methods")));
    }

    [Theory]
    [InlineData("/v1/projects/aethir")]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/index.html")]
    [InlineData(PagesCss)]
    [InlineData(IdeScript)]
    [InlineData("/graphql")]
    public async Task A_preflight_for_a_head_with_a_header_is_granted_wherever_the_url_answers_head(string url)
    {
        // HEAD runs as a GET, so every URL with a GET answers it; a page sending one with a header of its own (an API
        // key) is preflighted, and was refused with a 405 saying the URL answers HEAD.
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits());
        using var preflight = await FromOtherOriginAsync(api, HttpMethod.Options, await PublishedAsync(api, url), "HEAD", "x-api-key");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("HEAD", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Methods")).Split(','));
        Assert.Contains("x-api-key", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Headers")).Split(','),
            StringComparer.OrdinalIgnoreCase);
    }

    // The files' names change with their content: these stand for the current ones.
    private const string PagesCss = "/pages/assets/{pages.css}";
    private const string IdeScript = "/graphql/ide/{ide.js}";

    private static async Task<string> PublishedAsync(RateLimitedApi api, string url)
    {
        if (url == PagesCss)
            return api.Services.GetRequiredService<DepinApi.Pages.PageAssets>().PathOf(PathString.Empty, "pages.css");
        if (url != IdeScript)
            return url;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Accept", "text/html");
        using var page = await api.Client.SendAsync(request);
        var script = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "/graphql/ide/ide-[0-9a-f]+\\.js");
        Assert.True(script.Success, "the IDE's page names no script");
        return script.Value;
    }

    private static async Task<HttpResponseMessage> FromOtherOriginAsync(RateLimitedApi api, HttpMethod method, string url, string? askedMethod,
        string? askedHeaders = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Origin", Origin);
        if (askedMethod is not null)
            request.Headers.Add("Access-Control-Request-Method", askedMethod);
        if (askedHeaders is not null)
            request.Headers.Add("Access-Control-Request-Headers", askedHeaders);
        return await api.Client.SendAsync(request);
    }
}
