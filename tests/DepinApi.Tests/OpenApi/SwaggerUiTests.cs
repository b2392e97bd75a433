using System.Net;
using System.Text.RegularExpressions;
using DepinApi.OpenApi;

namespace DepinApi.Tests.OpenApi;

/// <summary>Swagger UI at /docs is served by the app itself: the page, its scripts and styles, and nothing from elsewhere.</summary>
public partial class SwaggerUiTests(ServedDocumentFixture served) : IClassFixture<ServedDocumentFixture>
{
    [Fact]
    public async Task Docs_serves_the_swagger_ui_page()
    {
        using var response = await served.Client.GetAsync(ApiDocs.UiPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("swagger-ui", html);
        Assert.Contains(ApiDocumentInfo.Title, html);
    }

    [Fact]
    public async Task Every_script_and_stylesheet_of_the_page_is_served_from_the_app()
    {
        using var page = await served.Client.GetAsync(ApiDocs.UiPath);
        var html = await page.Content.ReadAsStringAsync();
        var assets = Asset().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var url = new Uri(page.RequestMessage!.RequestUri!, asset);
            Assert.Equal(served.Client.BaseAddress!.Host, url.Host);
            using var response = await served.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, $"{asset} is empty");
        }
    }

    [Fact]
    public async Task The_page_and_its_configuration_name_no_other_host()
    {
        using var page = await served.Client.GetAsync(ApiDocs.UiPath);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Empty(AbsoluteUrl().Matches(html).Select(m => m.Value));

        // Swashbuckle's index.js carries the UI configuration (its comments cite web pages, which are never fetched).
        using var config = await served.Client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, "index.js"));
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        var configuration = ConfigObject().Match(await config.Content.ReadAsStringAsync());
        Assert.True(configuration.Success, "index.js declares no configObject");
        Assert.Contains(ApiDocs.DocumentPath, configuration.Value);
        Assert.Contains("\"validatorUrl\":\"none\"", configuration.Value.Replace(" ", ""));
        Assert.Empty(AbsoluteUrl().Matches(configuration.Value).Select(m => m.Value));
    }

    [Theory]
    [InlineData("/docs/index.html", "text/html")]
    [InlineData("/docs/index.js", "application/javascript")]
    [InlineData("/docs/index.css", "text/css")]
    [InlineData("/docs/swagger-ui.css", "text/css")]
    [InlineData("/docs/swagger-ui-bundle.js", "text/javascript")]
    [InlineData("/docs/swagger-ui-standalone-preset.js", "text/javascript")]
    [InlineData("/docs/oauth2-redirect.html", "text/html")]
    public async Task Every_text_file_names_its_charset(string url, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [GeneratedRegex(@"var configObject = (\{.*?\});", RegexOptions.Singleline)]
    private static partial Regex ConfigObject();

    [GeneratedRegex("""(?:src|href)\s*=\s*["']([^"'#]+)["']""")]
    private static partial Regex Asset();

    // Any absolute http(s) or protocol-relative URL.
    [GeneratedRegex("""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}""")]
    private static partial Regex AbsoluteUrl();
}
