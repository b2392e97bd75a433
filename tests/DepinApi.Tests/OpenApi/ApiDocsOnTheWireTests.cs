using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Rest;
using static DepinApi.Tests.Security.HostileInput.RawHttp;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// The OpenAPI documents and Swagger UI over a real socket, for request lines an HTTP client does not send as written
/// (a bare <c>?</c>, which it drops) and answers only Kestrel gives.
/// </summary>
public sealed class ApiDocsOnTheWireTests : IAsyncLifetime
{
    private ApiFactory factory = null!;
    private Uri server = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync(RestApiFixture.Settings);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        server = client.BaseAddress!;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/openapi/v1.json?")]
    [InlineData("/openapi/v1.json?&")]
    [InlineData("/openapi/3.0/v1.json?")]
    public async Task An_empty_query_is_no_parameter(string target)
    {
        var response = await SendAsync(server, Bytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"));

        Assert.True(response.Status == 200, $"{response.Status}: {response.Body}");
        Assert.StartsWith("{", response.Body);
    }

    // Methods are case-sensitive (RFC 9110 9.1): Kestrel takes "head" for a method other than HEAD, so a HEAD's answer
    // to it (headers announcing a body that is not sent) was a 500. Every method but GET and HEAD as written is a 405.
    [Theory]
    [InlineData("head", "/docs/index.html")]
    [InlineData("Head", "/docs/index.js")]
    [InlineData("hEAD", "/docs/swagger-ui.css")]
    [InlineData("get", "/docs/index.html")]
    [InlineData("PUT", "/docs/index.html")]
    [InlineData("DELETE", "/docs/swagger-ui-bundle.js")]
    [InlineData("POST", "/docs/index.html")]
    [InlineData("TRACE", "/docs/index.html")]
    [InlineData("OPTIONS", "/docs/index.html")]
    [InlineData("BREW", "/docs/oauth2-redirect.html")]
    [InlineData("PUT", "/docs")]
    public async Task Swagger_ui_answers_any_other_method_than_get_or_head_with_a_405(string method, string path)
    {
        var response = await SendAsync(server, Bytes($"{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"));

        Assert.True(response.Status == 405, $"{response.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.ContentType?.MediaType);
        Assert.Contains("\"type\":\"/problems/method-not-allowed\"", response.Body);
        Assert.Equal("GET, HEAD", response.Headers["allow"]);
    }
}
