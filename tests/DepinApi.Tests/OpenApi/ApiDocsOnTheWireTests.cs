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
}
