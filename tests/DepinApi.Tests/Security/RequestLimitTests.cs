using System.Net;
using System.Text;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Security;

/// <summary>
/// Size limits enforced by Kestrel itself (the in-memory test server applies none), so these
/// tests run the service on a real loopback socket.
/// </summary>
public sealed class RequestLimitTests(RequestLimitTests.Fixture fixture) : IClassFixture<RequestLimitTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync(), new Dictionary<string, string?>
            {
                ["RateLimiting:Enabled"] = "false",
            });
            Factory.UseKestrel(0);
            Factory.StartServer();
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static CancellationToken Patience => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) };
        request.Content.Headers.ContentType = new("application/json");
        // As a well-behaved client uploads a large body: the server refuses it on its Content-Length, so the body is
        // never sent. (Sent at once, the upload may still be under way when the server answers and closes, and the
        // client would see the connection reset instead of the answer.)
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request, Patience);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_request_line_over_the_limit_is_414()
    {
        using var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync("/v1/projects?q=" + new string('a', 40 * 1024), Patience);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Headers_over_the_limit_are_431()
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Padding", new string('a', 40 * 1024));
        var response = await client.SendAsync(request, Patience);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Requests_within_the_limits_are_served_without_a_server_header()
    {
        using var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync("/healthz?q=" + new string('a', 8 * 1024), Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
        Assert.Equal("nosniff", SecurityHeadersTests.Header(response, "X-Content-Type-Options"));
        Assert.Equal("http", client.BaseAddress!.Scheme);
        Assert.NotEqual(0, client.BaseAddress.Port);
    }
}
