using System.IO.Compression;
using System.Text;
using System.Text.Json;
using static DepinApi.Tests.Security.HostileInput.RawHttp;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// A <c>Transfer-Encoding</c> other than <c>chunked</c> alone is refused before the body is read: Kestrel decodes
/// <c>gzip, chunked</c> as chunked and would pass the gzip bytes on as the body.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class TransferEncodingTests(HostileInputApi api)
{
    // A document no other test of the collection sends: an answer the output cache keeps is served for the same body.
    private static readonly byte[] Query = Encoding.UTF8.GetBytes("""{"query":"{ chunked: __typename }"}""");

    private static byte[] Head(string requestLine, string transferEncoding) => Bytes(
        requestLine + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
        "Accept: application/graphql-response+json\r\n" + $"Transfer-Encoding: {transferEncoding}\r\n");

    private static byte[] Chunked(byte[] body) =>
        [.. Bytes($"{body.Length:X}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8];

    private static byte[] Gzip(byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(body);
        return compressed.ToArray();
    }

    [Theory]
    [InlineData("POST /graphql", "gzip, chunked")]
    [InlineData("POST /graphql", "foo, chunked")]
    [InlineData("POST /graphql", "chunked, chunked")]
    [InlineData("GET /v1/projects", "gzip, chunked")]
    public async Task Any_coding_besides_chunked_is_a_bad_request_problem_and_the_connection_closes(string requestLine, string transferEncoding)
    {
        var body = transferEncoding.StartsWith("gzip", StringComparison.Ordinal) ? Gzip(Query) : Query;

        var response = await SendAsync(api.SocketAddress, Head(requestLine, transferEncoding), Chunked(body));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType?.MediaType);
        Assert.Equal("close", response.Headers["connection"]);
        var problem = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("/problems/bad-request", problem.GetProperty("type").GetString());
        Assert.Equal($"The Transfer-Encoding header is \"{transferEncoding}\"; this server takes \"chunked\" alone, or no Transfer-Encoding.",
            problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("chunked")]
    [InlineData("Chunked")]
    public async Task Chunked_alone_in_any_letters_is_read(string transferEncoding)
    {
        var response = await SendAsync(api.SocketAddress, [.. Head("POST /graphql", transferEncoding), .. "Connection: close\r\n"u8], Chunked(Query));

        Assert.Equal(200, response.Status);
        Assert.Contains("\"chunked\":\"Query\"", response.Body);
    }
}
