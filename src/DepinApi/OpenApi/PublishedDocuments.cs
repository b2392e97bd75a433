using System.Collections.Concurrent;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.OpenApi;

/// <summary>
/// What middleware writes once per build, as served: the OpenAPI documents, or Swagger UI's page, scripts and styles, each
/// rendered once per process and kept with its compressed forms (<see cref="PrecompressedContent"/>). A document changes
/// only with the build, yet rendering one took 4 ms of CPU and 2.4 MB of garbage per point it was charged; kept in the
/// output cache, each new spelling of <c>Accept</c> or <c>Accept-Encoding</c> had been a new entry, so junk headers made
/// every request render it again, and the collections that garbage caused slowed every other client's requests tenfold.
/// </summary>
internal sealed class PublishedDocuments
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PrecompressedContent?>>> _rendered = new(StringComparer.Ordinal);
    private int _renders;

    /// <summary>How many times a document was rendered, for tests.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>
    /// The document at <paramref name="http"/>'s path as <paramref name="render"/> writes it, rendered on the first request
    /// (concurrent first requests wait for one rendering); null when there is no document there (nothing is kept then).
    /// </summary>
    public async Task<PrecompressedContent?> GetAsync(HttpContext http, RequestDelegate render)
    {
        var key = http.Request.PathBase.Add(http.Request.Path).Value!;
        var rendering = _rendered.GetOrAdd(key, _ => new Lazy<Task<PrecompressedContent?>>(() => StartRendering(http, render)));
        var document = await rendering.Value;
        if (document is null)
            _rendered.TryRemove(new KeyValuePair<string, Lazy<Task<PrecompressedContent?>>>(key, rendering));
        return document;
    }

    /// <summary>
    /// Starts the document middleware on a request of its own, with nothing of the client's but the path, on the thread
    /// pool. The generator and the compression work synchronously for about half a second; run inside the lazy value,
    /// every concurrent first request blocked a thread until they finished, and 64 of them starved the pool: another
    /// client's request waited 0.5 s. Now the first request returns at once with the rendering's task, and all wait on it
    /// without a thread.
    /// </summary>
    private Task<PrecompressedContent?> StartRendering(HttpContext client, RequestDelegate render)
    {
        var http = new DefaultHttpContext { RequestServices = client.RequestServices };
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = client.Request.Scheme;
        http.Request.PathBase = client.Request.PathBase;
        http.Request.Path = client.Request.Path;
        return Task.Run(() => RenderAsync(http, render));
    }

    private async Task<PrecompressedContent?> RenderAsync(HttpContext http, RequestDelegate render)
    {
        Interlocked.Increment(ref _renders);
        using var body = new MemoryStream();
        http.Response.Body = body;
        await render(http);
        // Swashbuckle names no charset for Swagger UI's styles, scripts and redirect page, which are UTF-8.
        return http.Response.StatusCode == StatusCodes.Status200OK && http.Response.ContentType is { } contentType
            ? PrecompressedContent.Compress(TextCharset.Utf8(contentType), body.ToArray())
            : null;
    }
}
