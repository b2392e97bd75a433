using System.Net;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// Swagger UI's files are validated as every other ETag the API sends (docs/rest.md, <i>Caching</i>): a strong tag per
/// content coding, since each coding is another representation (RFC 9110 8.8.3); a 304 only to a client holding the
/// coding it would be sent, carrying the ETag, Cache-Control and Vary of the 200 (RFC 9110 15.4.5); and
/// <c>If-None-Match</c> read as RFC 9110 13.1.2 has it (<c>*</c>, weak comparison, lists).
/// </summary>
public class SwaggerUiCachingTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    public static TheoryData<string> Files() =>
    [
        "/docs/index.html", "/docs/index.js", "/docs/index.css", "/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js",
        "/docs/swagger-ui-standalone-preset.js", "/docs/oauth2-redirect.html",
    ];

    private static readonly string[] Codings = ["identity", "gzip", "br"];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_coding_has_a_strong_tag_of_its_own_and_a_304_only_for_that_coding(string url)
    {
        var tagOf = new Dictionary<string, string>();
        var codingOf = new Dictionary<string, string>();
        foreach (var coding in Codings)
        {
            using var response = await api.Client.SendWithHeadersAsync(url, acceptEncoding: coding);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var tag = response.Headers.ETag!;
            Assert.False(tag.IsWeak, $"{url} ({coding}): {tag}");
            var sent = string.Join(",", response.Content.Headers.ContentEncoding);
            Assert.True(codingOf.TryAdd(tag.Tag, sent) || codingOf[tag.Tag] == sent,
                $"{url}: {tag} names the coding '{codingOf.GetValueOrDefault(tag.Tag)}' and the coding '{sent}'");
            tagOf[coding] = tag.Tag;
        }

        foreach (var held in codingOf.Keys)
        {
            foreach (var coding in Codings)
            {
                using var revalidation = await api.Client.SendWithHeadersAsync(url, acceptEncoding: coding, ifNoneMatch: held);
                var expected = tagOf[coding] == held ? HttpStatusCode.NotModified : HttpStatusCode.OK;
                Assert.True(revalidation.StatusCode == expected,
                    $"{url}: the tag of '{codingOf[held]}' asked with Accept-Encoding {coding} got {(int)revalidation.StatusCode}, not {(int)expected}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_304_carries_the_etag_cache_control_and_vary_of_its_200(string url)
    {
        foreach (var coding in Codings)
        {
            using var full = await api.Client.SendWithHeadersAsync(url, acceptEncoding: coding);
            using var notModified = await api.Client.SendWithHeadersAsync(url, acceptEncoding: coding, ifNoneMatch: full.Headers.ETag!.ToString());

            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(full.Headers.ETag, notModified.Headers.ETag);
            Assert.Equal(full.Headers.CacheControl, notModified.Headers.CacheControl);
            Assert.NotNull(notModified.Headers.CacheControl);
            Assert.Equal(full.Headers.Vary.Order(), notModified.Headers.Vary.Order());
            Assert.Contains("Accept-Encoding", notModified.Headers.Vary);
        }
    }

    [Theory]
    [InlineData("/docs/index.html", "*")]
    [InlineData("/docs/swagger-ui.css", "*")]
    [InlineData("/docs/swagger-ui.css", "W/{0}")]
    [InlineData("/docs/index.html", "\"other\", {0}")]
    public async Task If_none_match_is_read_as_for_every_other_tag(string url, string header)
    {
        using var full = await api.Client.SendWithHeadersAsync(url, acceptEncoding: "gzip");

        using var response = await api.Client.SendWithHeadersAsync(url, acceptEncoding: "gzip", ifNoneMatch: string.Format(header, full.Headers.ETag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(full.Headers.ETag, response.Headers.ETag);
    }
}
