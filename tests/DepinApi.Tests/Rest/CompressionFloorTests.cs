using System.Net;
using System.Text.Json;
using DepinApi.Rest.Infrastructure;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>
/// What is not worth compressing is sent as it is, whatever the client accepts: a body shorter than
/// <see cref="QualityCompressionProvider.SmallestCompressedBytes"/>, a probe's answer, and every error, a refusal above all, none of which
/// should cost the server a compressor. Longer answers are still compressed. Lengths are the seed data's, printed when
/// a case no longer falls on the side of the floor it tests.
/// </summary>
public class CompressionFloorTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private const int Floor = QualityCompressionProvider.SmallestCompressedBytes;

    [Theory]
    [InlineData("/v1/sectors", "gzip")]
    [InlineData("/v1/sectors", "br")]
    [InlineData("/graphql?query=%7Bsectors%7Bsector%7D%7D", "gzip")]
    public async Task A_short_answer_is_sent_as_it_is_with_its_length(string url, string acceptEncoding)
    {
        using var response = await api.Client.SendWithHeadersAsync(url, acceptEncoding: acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var length = Assert.NotNull(response.Content.Headers.ContentLength);
        Assert.True(length < Floor, $"{url} is {length} bytes");
        Assert.Equal(length, (await response.Content.ReadAsByteArrayAsync()).Length);
        // Its tag may name the coding asked for, so the answer still says it varies by it.
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task A_probe_is_sent_as_it_is_and_does_not_vary(string url)
    {
        using var response = await api.Client.SendWithHeadersAsync(url, acceptEncoding: "gzip, br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.DoesNotContain("Accept-Encoding", response.Headers.Vary);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
    }

    [Theory]
    [InlineData("/v1/meta", "gzip")]
    [InlineData("/v1/meta", "br")]
    [InlineData("/graphql?query=%7Bprojects%7Bnodes%7Bslug%20name%20sector%20revenue%7Bquarter%20amountUsd%7D%7D%7D%7D", "gzip")]
    public async Task A_longer_answer_is_compressed(string url, string acceptEncoding)
    {
        using var identity = await api.Client.SendWithHeadersAsync(url, acceptEncoding: "identity");
        var length = (await identity.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(length >= Floor, $"{url} is {length} bytes");

        using var response = await api.Client.SendWithHeadersAsync(url, acceptEncoding: acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(acceptEncoding, Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Theory]
    [InlineData("/v1/projects/no-such-project", HttpStatusCode.NotFound)]
    [InlineData("/v1/projects/helium/revenue?from=2025Q9", HttpStatusCode.BadRequest)]
    [InlineData("/graphql?query=%7B", HttpStatusCode.BadRequest)]
    public async Task An_error_is_sent_as_it_is(string url, HttpStatusCode status)
    {
        using var response = await api.Client.SendWithHeadersAsync(url,
            accept: "application/graphql-response+json, application/problem+json", acceptEncoding: "gzip, br");

        Assert.Equal(status, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
    }

    [Fact]
    public async Task A_refusal_is_sent_as_it_is()
    {
        await using var factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:WindowSeconds"] = "3600",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "1",
            ["RateLimiting:Anonymous:BurstPoints"] = "1",
            ["RateLimiting:RefusalPacing:MaxHoldMilliseconds"] = "0",
        });
        using var client = factory.CreateClient();

        HttpResponseMessage? refused = null;
        for (var sent = 0; sent < 5 && refused is null; sent++)
        {
            var response = await client.SendWithHeadersAsync("/v1/meta", acceptEncoding: "gzip");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refused = response;
            else
                response.Dispose();
        }

        using (refused)
        {
            Assert.NotNull(refused);
            Assert.Empty(refused.Content.Headers.ContentEncoding);
            Assert.Contains("rate-limited", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
