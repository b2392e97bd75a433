using System.Net;
using DepinApi.Fairness;
using DepinApi.Security;
using DepinApi.Tests.Reliability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.Fairness;

/// <summary>
/// Which requests are large (<see cref="ServerOptions.LargeRequestBytes"/>): those whose body, or query string, is
/// longer than the setting, and those whose body comes in chunks, of a length unknown until it is read; and how the build
/// gate's middleware holds them. The in-memory test server gives every body a length, so the chunked case is checked on
/// the request as Kestrel presents it, and a large request is held in its check by a build that waits for the test
/// (<c>FairBuildTests</c> has the whole server).
/// </summary>
public sealed class LargeRequestTests
{
    [Theory]
    [InlineData(4096L, null, null, false)]
    [InlineData(4097L, null, null, true)]
    [InlineData(null, "chunked", null, true)]
    [InlineData(null, null, null, false)]
    [InlineData(null, null, 4100, true)]
    [InlineData(null, null, 4000, false)]
    public void A_request_is_large_when_its_body_or_query_string_passes_the_setting_or_its_body_has_no_length(
        long? contentLength, string? transferEncoding, int? queryStringLength, bool large)
    {
        var gate = Gate(largeRequestBytes: 4096);

        Assert.Equal(large, gate.IsLarge(Request(contentLength, transferEncoding, queryStringLength)));
    }

    [Fact]
    public void With_the_setting_0_no_request_is_large()
    {
        var gate = Gate(largeRequestBytes: 0);

        Assert.False(gate.IsLarge(Request(contentLength: long.MaxValue, transferEncoding: "chunked", queryStringLength: 100_000)));
    }

    [Fact]
    public async Task A_large_request_waits_for_the_place_of_large_requests_holding_no_turn_and_no_longer_than_for_a_turn()
    {
        var gate = new FairBuildGate(Options.Create(new ServerOptions { ConcurrentBuilds = 2, BuildWaitSeconds = 1 }));
        var checking = new TaskCompletionSource();
        var middleware = new FairBuildMiddleware(
            http => http.Request.Headers.ContainsKey("X-Hold") ? checking.Task : Task.CompletedTask, gate);

        // A's large request holds the place and a turn while it is built.
        var first = Send(middleware, "192.0.2.1", contentLength: 5000, hold: true);
        await Poll.UntilAsync(() => Task.FromResult(gate.LargeInUse == 1 && gate.InUse == 1), "A's large request built");

        // B's waits for the place, holding no turn; C's short request is built meanwhile.
        var second = Send(middleware, "192.0.2.2", contentLength: 5000, hold: false);
        await Poll.UntilAsync(() => Task.FromResult(gate.LargeWaiting == 1), "B's large request waiting for the place");
        Assert.Equal(1, gate.InUse);
        var small = await Send(middleware, "192.0.2.3", contentLength: 100, hold: false);
        Assert.Equal(StatusCodes.Status200OK, small.Response.StatusCode);

        // B waits no longer than a request waits for a turn, and is answered as one that got none.
        var refused = await second;
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, refused.Response.StatusCode);
        Assert.Equal("1", refused.Response.Headers.RetryAfter.ToString());

        checking.SetResult();
        await first;
        Assert.Equal(0, gate.InUse);
        Assert.Equal(0, gate.LargeInUse);
    }

    private static async Task<HttpContext> Send(FairBuildMiddleware middleware, string address, long contentLength, bool hold)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentLength = contentLength;
        if (hold) http.Request.Headers["X-Hold"] = "1";
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(FairBuild.GraphQL), "graphql"));
        await middleware.InvokeAsync(http);
        return http;
    }

    private static FairBuildGate Gate(int largeRequestBytes) =>
        new(Options.Create(new ServerOptions { LargeRequestBytes = largeRequestBytes }));

    private static HttpRequest Request(long? contentLength, string? transferEncoding, int? queryStringLength)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentLength = contentLength;
        if (transferEncoding is not null) http.Request.Headers.TransferEncoding = transferEncoding;
        if (queryStringLength is { } length) http.Request.QueryString = new QueryString("?query=" + new string('x', length - 7));
        return http.Request;
    }
}
