using System.Net;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using static DepinApi.Tests.Security.HostileInput.RawHttp;

namespace DepinApi.Tests.Hosting;

/// <summary>
/// What only Kestrel's request target carries, on a real socket. <c>OPTIONS *</c> asks what the server supports
/// (RFC 9110 §9.3.7): 204 listing every method it answers somewhere, no body; any other method with <c>*</c> is still
/// Kestrel's own 405 (docs/errors.md). A path segment is read as the client meant it, decoded once: Kestrel leaves
/// <c>%2F</c> encoded and decodes <c>%25</c>, so the path alone cannot tell <c>%2F</c> from <c>%252F</c>.
/// </summary>
public sealed class RequestTargetTests : IAsyncLifetime
{
    private ApiFactory factory = null!;
    private Uri server = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync();
        server = new Uri($"http://127.0.0.1:{factory.StartOnLoopback()}");
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Options_asterisk_lists_the_methods_of_the_whole_server_without_a_body()
    {
        var response = await SendAsync(server, Bytes("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"));

        Assert.Equal(204, response.Status);
        Assert.Equal("GET, HEAD, OPTIONS, POST", response.Headers["allow"]);
        Assert.Equal("", response.Body);
        Assert.False(response.Headers.ContainsKey("content-type"));
    }

    [Fact]
    public async Task Another_method_with_an_asterisk_is_still_refused_by_the_server()
    {
        var response = await SendAsync(server, Bytes("GET * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"));

        Assert.Equal(405, response.Status);
        Assert.Equal("OPTIONS", response.Headers["allow"]);
    }

    [Theory]
    [InlineData("/v1/projects/aethir%2Frevenue", "aethir/revenue")]
    [InlineData("/v1/projects/aethir%2frevenue/revenue", "aethir/revenue")]
    [InlineData("/v1/projects/aethir%252Frevenue", "aethir%2Frevenue")]
    [InlineData("/v1/sources/gate%2F2026", "gate/2026")]
    [InlineData("/v1/revenue/a%25b%2Fc", "a%b/c")]
    public async Task A_slug_or_id_is_echoed_decoded_once_as_the_client_meant_it(string url, string value)
    {
        using var client = new HttpClient { BaseAddress = server };
        using var response = await client.GetAsync(url);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(value, problem.GetProperty("value").GetString());
        Assert.Contains($"'{value}'", problem.GetProperty("detail").GetString());
    }
}
