using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// A response body that never changes while the process runs, kept with its compressed forms, and served as a static
/// file is: the form the client's <c>Accept-Encoding</c> prefers (<see cref="ContentCodingChoice"/>), a strong validator
/// per form, a 304 to a client that has it, and a charge by the bytes sent. Nothing is built or compressed per request,
/// so no <c>Accept-Encoding</c> spelling can make the server do the work again (the response-compression middleware
/// leaves a body that already has a <c>Content-Encoding</c> alone).
/// </summary>
/// <param name="ContentType">The media type it is served as.</param>
/// <param name="Identity">The body itself.</param>
/// <param name="Brotli">Its Brotli-compressed form, if one was made.</param>
/// <param name="Gzip">Its gzip-compressed form, if one was made.</param>
/// <param name="ETag">A strong validator of <paramref name="Identity"/>; each compressed form's adds its coding.</param>
internal sealed record PrecompressedContent(string ContentType, byte[] Identity, byte[]? Brotli, byte[]? Gzip, EntityTagHeaderValue ETag)
{
    /// <summary>The caching of a body kept under a name that changes with its content: a year, never revalidated.</summary>
    public const string ImmutableCaching = "public, max-age=31536000, immutable";

    // The codings it can be sent in, in the order they win a tie, as response compression's providers do.
    private static readonly string[] BrotliThenGzip = ["br", "gzip"];

    /// <summary>Compresses <paramref name="identity"/> both ways, at the best level worth its time once per process.</summary>
    public static PrecompressedContent Compress(string contentType, byte[] identity) =>
        new(contentType, identity, Compressed(identity, stream => new BrotliStream(stream, CompressionLevel.Optimal)),
            Compressed(identity, stream => new GZipStream(stream, CompressionLevel.Optimal)), StrongETag(identity));

    /// <summary>A strong entity tag derived from the bytes themselves.</summary>
    public static EntityTagHeaderValue StrongETag(ReadOnlySpan<byte> contents) =>
        new('"' + Convert.ToHexStringLower(SHA256.HashData(contents))[..32] + '"');

    /// <summary>
    /// The strong tag of <paramref name="identityTag"/>'s body sent in the content coding <paramref name="coding"/>: each
    /// coding is a different representation, so each gets its own validator; the identity keeps the tag as it is.
    /// </summary>
    public static EntityTagHeaderValue InCoding(EntityTagHeaderValue identityTag, string? coding) =>
        string.IsNullOrEmpty(coding) || coding == "identity"
            ? identityTag
            : new EntityTagHeaderValue(identityTag.Tag.Value!.TrimEnd('"') + "-" + coding + '"');

    /// <summary>
    /// Answers <paramref name="http"/> with the form its <c>Accept-Encoding</c> takes: a 412 when its <c>If-Match</c>
    /// names another, a 304 when its <c>If-None-Match</c> names that form, else the body, charged by its size; a client
    /// whose other requests spent the budget meanwhile gets the 429.
    /// </summary>
    public async Task<IResult> ServeAsync(HttpContext http, int bytesPerPoint, string cacheControl)
    {
        var headers = http.Response.Headers;
        ContentCodingVary.Declare(http.Response);
        headers.CacheControl = cacheControl;
        var coding = ContentCodingChoice.Choose(http.Request.Headers.AcceptEncoding, Codings);
        var contents = coding switch
        {
            "br" => Brotli!,
            "gzip" => Gzip!,
            _ => Identity,
        };
        if (coding is not null) headers.ContentEncoding = coding;
        var etag = InCoding(ETag, coding);
        // No body is sent when the client has it already (304) or its If-Match names another (412): either costs its
        // admission point alone. A body is charged by its bytes, as any response is.
        if (Preconditions.AnswerInsteadOfBody(http.Request, etag) is { } answer)
            return answer;
        if (!await SizeCharge.ChargeAsync(http, SizeCharge.PointsFor(contents.Length, bytesPerPoint)))
            return new RateLimiting.RateLimitRefusalResult();
        return TypedResults.Bytes(contents, ContentType, entityTag: etag);
    }

    private static byte[] Compressed(byte[] identity, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
            compressing.Write(identity);
        return output.ToArray();
    }

    private ReadOnlySpan<string> Codings => (Brotli, Gzip) switch
    {
        (not null, not null) => BrotliThenGzip,
        (not null, null) => BrotliThenGzip.AsSpan(0, 1),
        (null, not null) => BrotliThenGzip.AsSpan(1),
        _ => [],
    };
}
