using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>HEAD works wherever GET does, over a real socket: GET's status and headers, no body.</summary>
public sealed class HeadRequestTests : IAsyncLifetime
{
    private ApiFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync(RestApiFixture.Settings);
        factory.UseKestrel(0);
        factory.StartServer();
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Theory]
    [InlineData("/v1/projects", HttpStatusCode.OK)]
    [InlineData("/v1/projects/aethir/revenue?format=csv", HttpStatusCode.OK)]
    [InlineData("/v1/projects/aethir/revenue?limit=1", HttpStatusCode.OK)]
    [InlineData("/v1/screening", HttpStatusCode.OK)]
    [InlineData("/v1/projects/no-such-project", HttpStatusCode.NotFound)]
    [InlineData("/v1/projects?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/readyz", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/docs/index.html", HttpStatusCode.OK)]
    [InlineData("/docs/swagger-ui.css", HttpStatusCode.OK)]
    [InlineData("/graphql?query=%7Bmeta%7BdataVersion%7D%7D", HttpStatusCode.OK)]
    public async Task Head_answers_as_get_without_a_body(string url, HttpStatusCode status)
    {
        using var get = await client.GetAsync(url);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(getBody);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        foreach (var name in new[] { "ETag", "Cache-Control", "Link", "Vary", "Content-Disposition" })
            Assert.Equal(Values(get, name), Values(head, name));
    }

    [Fact]
    public async Task Head_is_still_refused_where_get_is()
    {
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/no-such-resource"));

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    private static string Values(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : "";
}
