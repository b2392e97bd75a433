using System.IO.Compression;
using System.Net;
using DepinApi.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// Each OpenAPI document is rendered once and sent from memory in the form the client accepts: no spelling of
/// <c>Accept</c> or <c>Accept-Encoding</c> makes the server render it again, each form has its own strong validator,
/// and each is charged by the bytes sent.
/// </summary>
public sealed class PublishedDocumentTests(ManyRequestsDocumentFixture served) : IClassFixture<ManyRequestsDocumentFixture>
{
    [Fact]
    public async Task Junk_accept_headers_are_answered_from_the_one_rendering_in_the_form_asked_for_and_charged_by_size()
    {
        var documents = served.Factory.Services.GetRequiredService<PublishedDocuments>();
        var identity = await GetAsync(ApiDocs.DocumentPath, "identity");
        var rendered = documents.Renders;

        for (var i = 0; i < 20; i++)
        {
            var junk = await GetAsync(ApiDocs.DocumentPath, $"identity, x{i}", accept: $"application/json, x/y{i}");
            Assert.Equal(identity.Body, junk.Body);
            Assert.Equal(identity.ETag, junk.ETag);
        }
        var brotli = await GetAsync(ApiDocs.DocumentPath, "br, x-junk");
        var gzip = await GetAsync(ApiDocs.DocumentPath, "gzip;q=0.5, x-junk");
        Assert.Equal(rendered, documents.Renders);

        Assert.Equal("br", brotli.Encoding);
        Assert.Equal(identity.Body, Decompress(brotli.Body, stream => new BrotliStream(stream, CompressionMode.Decompress)));
        Assert.Equal("gzip", gzip.Encoding);
        Assert.Equal(identity.Body, Decompress(gzip.Body, stream => new GZipStream(stream, CompressionMode.Decompress)));
        Assert.Equal(served.Text, System.Text.Encoding.UTF8.GetString(identity.Body));
        // Three forms, three validators; each form charged a point per started 64 KiB of what was sent.
        Assert.Equal(3, new[] { identity.ETag, brotli.ETag, gzip.ETag }.Distinct().Count());
        foreach (var form in new[] { identity, brotli, gzip })
            Assert.Equal((form.Body.Length + 65_535) / 65_536, form.Cost);
    }

    [Fact]
    public async Task A_client_that_has_the_form_gets_a_304_and_the_other_document_is_rendered_once_too()
    {
        var brotli = await GetAsync(ApiDocs.Document30Path, "br");
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiDocs.Document30Path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        request.Headers.TryAddWithoutValidation("If-None-Match", brotli.ETag);
        using var revalidated = await served.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        var documents = served.Factory.Services.GetRequiredService<PublishedDocuments>();
        var rendered = documents.Renders;
        for (var i = 0; i < 5; i++)
            await GetAsync(ApiDocs.Document30Path, $"x{i}");
        Assert.Equal(rendered, documents.Renders);
    }

    [Fact]
    public async Task Concurrent_first_requests_wait_for_the_one_rendering_without_holding_a_thread_each()
    {
        var documents = new PublishedDocuments();
        using var finish = new ManualResetEventSlim();
        // Renders as the document generator does: synchronously, for as long as it takes.
        RequestDelegate render = context =>
        {
            finish.Wait(TimeSpan.FromSeconds(60));
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync("{}"u8.ToArray()).AsTask();
        };
        try
        {
            var calls = Enumerable.Range(0, 8)
                .Select(_ => Task.Factory.StartNew(() => documents.GetAsync(FirstRequest(), render), TaskCreationOptions.LongRunning))
                .ToArray();
            // Each call hands back its task while the rendering is still under way, instead of blocking its thread.
            var waiting = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.All(waiting, task => Assert.False(task.IsCompleted));

            finish.Set();
            var served = await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, documents.Renders);
            Assert.All(served, document => Assert.Same(served[0], document));
            Assert.Equal("{}"u8.ToArray(), served[0]!.Identity);
        }
        finally
        {
            finish.Set();
        }

        static HttpContext FirstRequest()
        {
            var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
            http.Request.Path = ApiDocs.DocumentPath;
            return http;
        }
    }

    private async Task<(byte[] Body, string ETag, string? Encoding, int Cost)> GetAsync(string path, string acceptEncoding, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await served.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(), response.Headers.ETag!.ToString(),
            response.Content.Headers.ContentEncoding.SingleOrDefault(),
            int.Parse(response.Headers.GetValues("RateLimit-Cost").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static byte[] Decompress(byte[] compressed, Func<Stream, Stream> decompressor)
    {
        using var output = new MemoryStream();
        using (var decompressing = decompressor(new MemoryStream(compressed)))
            decompressing.CopyTo(output);
        return output.ToArray();
    }
}
