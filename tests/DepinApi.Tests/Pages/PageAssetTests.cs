using System.Net;
using System.Text.Json;
using DepinApi.Pages;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Pages;

/// <summary>
/// The pages' stylesheet and script answer preconditions as every other file the API serves (docs/rest.md,
/// <i>Caching</i>): a strong ETag per content coding, <c>If-None-Match</c> (<c>*</c> included) a 304 with the 200's
/// caching headers, and an <c>If-Match</c> naming no current tag a 412.
/// </summary>
public class PageAssetTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("pages.css")]
    [InlineData("copy-citation.js")]
    public async Task Each_coding_has_a_strong_tag_of_its_own(string name)
    {
        var tags = new Dictionary<string, string>();
        foreach (var coding in new[] { "identity", "gzip", "br" })
        {
            using var response = await GetAsync(name, coding);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.ETag?.IsWeak ?? true, $"{name} ({coding}): ETag {response.Headers.ETag}");
            tags[coding] = response.Headers.ETag!.Tag;
        }

        Assert.Equal(3, tags.Values.Distinct().Count());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    public async Task If_none_match_holding_the_current_tag_or_star_is_a_304_with_the_200_s_caching_headers(string header)
    {
        using var full = await GetAsync("pages.css", "br");

        using var notModified = await GetAsync("pages.css", "br", ifNoneMatch: string.Format(header, full.Headers.ETag));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(full.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(full.Headers.CacheControl, notModified.Headers.CacheControl);
        Assert.Equal(full.Headers.Vary, notModified.Headers.Vary);
    }

    [Theory]
    [InlineData("\"zz\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("*", HttpStatusCode.OK)]
    [InlineData("\"zz\", {0}", HttpStatusCode.OK)]
    public async Task If_match_naming_no_current_tag_is_a_412(string header, HttpStatusCode expected)
    {
        using var full = await GetAsync("copy-citation.js", "gzip");

        using var response = await GetAsync("copy-citation.js", "gzip", ifMatch: string.Format(header, full.Headers.ETag));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.PreconditionFailed)
        {
            // An error is sent as it is, whatever the client accepts: a short problem is not worth a compressor.
            Assert.Empty(response.Content.Headers.ContentEncoding);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("/problems/precondition-failed", problem.GetProperty("type").GetString());
        }
    }

    private Task<HttpResponseMessage> GetAsync(string name, string acceptEncoding, string? ifNoneMatch = null, string? ifMatch = null) =>
        api.Client.SendWithHeadersAsync(api.Factory.Services.GetRequiredService<PageAssets>().PathOf(PathString.Empty, name),
            acceptEncoding: acceptEncoding, ifNoneMatch: ifNoneMatch, ifMatch: ifMatch);
}
