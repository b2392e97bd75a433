using System.IO.Compression;
using System.Text;
using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

/// <summary>The endpoint decodes no content coding: a POST body sent with one is refused before it is read.</summary>
public class ContentEncodingTests(TestServerFactory factory) : IClassFixture<TestServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static Task<Reply> PostEncodedAsync(HttpClient client, byte[] body, string contentEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", Json);
        request.Content.Headers.TryAddWithoutValidation("Content-Encoding", contentEncoding);
        return SendAsync(client, request);
    }

    private static string AcceptEncoding(Reply reply) =>
        string.Join(", ", reply.Headers.NonValidated.TryGetValues("Accept-Encoding", out var values) ? values : default);

    [Fact]
    public async Task A_gzip_body_is_415_naming_the_coding_not_invalid_json()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes("""{"query":"{ hello }"}"""));

        var reply = await PostEncodedAsync(_client, compressed.ToArray(), "gzip");

        Assert.Equal(415, reply.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", reply.FirstCode);
        Assert.Equal("The request body is encoded with \"gzip\", which this server does not decode: send it without a Content-Encoding (or with \"identity\").",
            reply.FirstMessage);
        Assert.Equal("identity", AcceptEncoding(reply));
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("identity, deflate", "deflate")]
    [InlineData("x-unknown", "x-unknown")]
    public async Task A_plain_body_labelled_with_a_coding_is_not_run_as_if_unlabelled(string header, string named)
    {
        var reply = await PostEncodedAsync(_client, Encoding.UTF8.GetBytes("""{"query":"{ hello }"}"""), header);

        Assert.Equal(415, reply.Status);
        Assert.Contains($"encoded with \"{named}\"", reply.FirstMessage);
        Assert.Equal("identity", AcceptEncoding(reply));
    }

    [Theory]
    [InlineData("identity")]
    [InlineData(" IDENTITY ")]
    public async Task Identity_is_no_coding(string header)
    {
        var reply = await PostEncodedAsync(_client, Encoding.UTF8.GetBytes("""{"query":"{ hello }"}"""), header);

        Assert.Equal(200, reply.Status);
        Assert.Empty(reply.Errors);
    }
}
