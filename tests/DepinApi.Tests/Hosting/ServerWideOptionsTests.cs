using DepinApi.Tests.Infrastructure;
using static DepinApi.Tests.Security.HostileInput.RawHttp;

namespace DepinApi.Tests.Hosting;

/// <summary>
/// <c>OPTIONS *</c> asks what the server supports (RFC 9110 §9.3.7): 204 listing every method it answers somewhere, no
/// body; any other method with <c>*</c> is still Kestrel's own 405 (docs/errors.md). Only a real socket carries an
/// asterisk-form request target.
/// </summary>
public sealed class ServerWideOptionsTests : IAsyncLifetime
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
}
