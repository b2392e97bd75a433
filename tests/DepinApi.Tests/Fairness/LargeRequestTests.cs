using DepinApi.Fairness;
using DepinApi.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.Fairness;

/// <summary>
/// Which requests are large (<see cref="ServerOptions.LargeRequestBytes"/>): those whose body, or query string, is
/// longer than the setting, and those whose body comes in chunks, of a length unknown until it is read. The in-memory
/// test server gives every body a length, so the chunked case is checked on the request as Kestrel presents it.
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
