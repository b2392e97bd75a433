using System.Net;
using DepinApi.Pages;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Rest;

/// <summary>
/// Every variant of a response whose bytes depend on Accept-Encoding says so (RFC 9110 12.5.5), the uncompressed one
/// too: otherwise a shared cache that kept the identity variant, which named no Vary, hands it (and its ETag) to a
/// client that asked for gzip, and the other way round. A 304 carries the Vary its 200 would (RFC 9110 15.4.5).
/// </summary>
public class ContentCodingVaryTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    [InlineData("/v1/projects?limit=7", null)]
    [InlineData("/v1/projects?limit=7&format=csv", null)]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg", null)]
    // A PNG is not compressed, but its tag names the coding the request chose, so the response still depends on it.
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue?format=png", null)]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue", Browser)]
    [InlineData("/v1/projects/no-such-project", null)]
    [InlineData("/graphql?query=%7Bsectors%7Bsector%7D%7D", null)]
    [InlineData("/graphql", Browser)]
    [InlineData("/openapi/v1.json", null)]
    [InlineData("/docs/index.js", null)]
    [InlineData("pages.css", null)]
    public async Task Every_variant_says_it_varies_by_accept_encoding_whether_or_not_the_request_asked(string url, string? accept)
    {
        url = url.StartsWith('/') ? url : api.Factory.Services.GetRequiredService<PageAssets>().PathOf(PathString.Empty, url);
        foreach (var acceptEncoding in new[] { "", "identity", "gzip", "br" })
        {
            using var response = await api.Client.SendWithHeadersAsync(url, accept, acceptEncoding);
            var vary = response.Headers.Vary.ToList();

            Assert.True(vary.Contains("Accept-Encoding", StringComparer.OrdinalIgnoreCase),
                $"{url}, Accept-Encoding '{acceptEncoding}': {(int)response.StatusCode}, Vary: {string.Join(", ", vary)}");
            Assert.Equal(vary.Count, vary.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Theory]
    [InlineData("/v1/projects?limit=8", null)]
    [InlineData("/v1/projects/helium?format=csv", null)]
    [InlineData("/graphql?query=%7Bsectors%7Bsector%7D%7D", null)]
    [InlineData("/openapi/v1.json", null)]
    [InlineData("/graphql", Browser)]
    [InlineData("/docs/swagger-ui.css", null)]
    public async Task A_304_carries_the_vary_of_its_200_whether_the_cache_or_the_endpoint_answers(string url, string? accept)
    {
        using var plain = await api.Client.SendWithHeadersAsync(url, accept);
        var tag = plain.Headers.ETag!.ToString();
        // The output cache holds the 200 under the Accept-Encoding as sent, the tag names the coding chosen: "gzip;q=0"
        // chooses none, as no header does, so the endpoint itself answers it (with the same tag) and the cache does not.
        using var fromCache = await api.Client.SendWithHeadersAsync(url, accept, ifNoneMatch: tag);
        using var fromEndpoint = await api.Client.SendWithHeadersAsync(url, accept, "gzip;q=0", tag);

        foreach (var notModified in new[] { fromCache, fromEndpoint })
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Contains("Accept-Encoding", notModified.Headers.Vary);
            Assert.Equal(plain.Headers.Vary.Order(StringComparer.OrdinalIgnoreCase), notModified.Headers.Vary.Order(StringComparer.OrdinalIgnoreCase));
        }
    }
}
