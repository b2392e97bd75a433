using System.Net;
using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.Routing.Patterns;

namespace DepinApi.Tests.Rest;

/// <summary>
/// One URL per resource: a path that names an endpoint in another spelling (a fixed segment in other case, a trailing
/// slash) answers 308 to the path as the API writes it, query kept; values in the path stay as sent.
/// </summary>
public class CanonicalPathTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/V1/projects", "/v1/projects")]
    [InlineData("/v1/Projects?limit=2&q=he", "/v1/projects?limit=2&q=he")]
    [InlineData("/v1/projects/", "/v1/projects")]
    [InlineData("/V1/PROJECTS/", "/v1/projects")]
    [InlineData("/v1/projects/aethir/revenue/?metric=quarterly_revenue", "/v1/projects/aethir/revenue?metric=quarterly_revenue")]
    [InlineData("/v1/projects/aethir/Revenue/2025Q2", "/v1/projects/aethir/revenue/2025Q2")]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue/", "/v1/revenue/aethir-2025q2-quarterly-revenue")]
    [InlineData("/v1/", "/v1")]
    [InlineData("/healthz/", "/healthz")]
    [InlineData("/OpenAPI/v1.json", "/openapi/v1.json")]
    [InlineData("/openapi/v1.JSON", "/openapi/v1.json")]
    [InlineData("/openapi/3.0/v1.Json", "/openapi/3.0/v1.json")]
    [InlineData("/openapi/V1.json", "/openapi/v1.json")]
    [InlineData("/openapi/3.0/V1.json", "/openapi/3.0/v1.json")]
    [InlineData("/docs", "/docs/index.html")]
    [InlineData("/docs/", "/docs/index.html")]
    [InlineData("/docs?x=1", "/docs/index.html?x=1")]
    public async Task Another_spelling_of_a_path_answers_308_to_the_api_s_own(string url, string location)
    {
        await api.AssertMovedPermanentlyAsync(url, location);
        using var head = await api.NoRedirects.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.PermanentRedirect, head.StatusCode);
    }

    [Theory]
    [InlineData("/openapi/v2.json")]
    [InlineData("/openapi/3.0/V2.json")]
    public async Task A_document_name_no_document_has_in_any_case_is_not_found(string url)
    {
        using var response = await api.Client.GetAsync(url);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/not-found", problem.GetProperty("type").GetString());
        Assert.Equal("/v1", problem.GetProperty("index").GetString());
    }

    [Fact]
    public async Task A_slug_keeps_its_spelling_and_its_own_redirect_follows()
    {
        using var first = await api.NoRedirects.GetAsync("/V1/projects/HNT/");
        Assert.Equal(HttpStatusCode.PermanentRedirect, first.StatusCode);
        Assert.Equal("/v1/projects/HNT", first.Headers.Location?.OriginalString);

        using var second = await api.NoRedirects.GetAsync("/v1/projects/HNT");
        Assert.Equal("/v1/projects/helium", second.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/v1/projects")]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue")]
    [InlineData("/healthz")]
    [InlineData("/docs/index.html")]
    public async Task The_api_s_own_spelling_is_answered(string url)
    {
        using var response = await api.NoRedirects.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Only_reads_are_redirected()
    {
        using var content = new StringContent("""{"query":"{ meta { dataVersion { id } } }"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await api.NoRedirects.PostAsync("/GraphQL", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/projects/{slug}", "/V1/projects/a%2Fb/", "/v1/projects/a%2Fb")]
    [InlineData("/docs/{**path}", "/Docs/a/B/", "/docs/a/B/")]
    [InlineData("/docs/{**path}", "/docs/", null)]
    [InlineData("/openapi/{documentName}.json", "/openapi/V1.json", null)]
    [InlineData("/v1", "/", null)]
    [InlineData("/v1/projects", "/v1/projects", null)]
    public void The_canonical_path_changes_fixed_segments_and_the_trailing_slash_only(string pattern, string path, string? canonical) =>
        Assert.Equal(canonical, CanonicalPaths.Canonical(path, RoutePatternFactory.Parse(pattern)));
}
