using System.Net;
using DepinApi.Pages;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Rest;

/// <summary>
/// A 304 carries the headers its 200 would among Cache-Control, ETag, Vary, Expires and Content-Location (RFC 9110
/// 15.4.5), for every resource that answers a condition: a cache that revalidated its copy updates them from the 304.
/// </summary>
public class NotModifiedHeadersTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private static readonly string[] Kept = ["Cache-Control", "ETag", "Vary", "Expires", "Content-Location"];

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/")]
    [InlineData("/v1")]
    [InlineData("/v1/projects")]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg")]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue?format=png")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/index.html")]
    [InlineData("pages.css")]
    public async Task A_304_carries_the_caching_headers_of_its_200(string url)
    {
        if (!url.StartsWith('/'))
            url = api.Factory.Services.GetRequiredService<PageAssets>().PathOf(PathString.Empty, url);
        using var ok = await api.Client.SendWithHeadersAsync(url, acceptEncoding: "gzip");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        // The probes carry no tag; '*' holds for any representation.
        using var notModified = await api.Client.SendWithHeadersAsync(url, acceptEncoding: "gzip", ifNoneMatch: ok.Headers.ETag?.ToString() ?? "*");

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(Headers(ok), Headers(notModified));
    }

    private static List<string> Headers(HttpResponseMessage response) =>
        [.. Kept.Select(name => name + ": " + string.Join(", ",
            response.Headers.TryGetValues(name, out var values) ? values
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues : []))];
}
