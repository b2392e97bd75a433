using DepinApi.Errors;

namespace DepinApi.Hosting;

/// <summary>
/// A request's <c>Transfer-Encoding</c> may be <c>chunked</c> alone: any other coding is refused with a 400
/// <c>bad-request</c> problem before the body is read. Kestrel refuses a header whose last coding is not
/// <c>chunked</c>, but one that ends with it (<c>gzip, chunked</c>, <c>foo, chunked</c>) it decodes as chunked and passes
/// the other coding's bytes on as if they were the body: a gzip body was read as JSON, and an unknown coding was
/// ignored. The server decodes no transfer coding but chunked (RFC 9112 6.1 lets it answer 501; a 400 is what Kestrel
/// answers for the codings it refuses itself, docs/errors.md).
/// </summary>
public static class ChunkedTransferOnly
{
    private const string Chunked = "chunked";

    /// <summary>
    /// Placed after the rate limits, which charge the refusal its admission point as any request (answered before them,
    /// it would be a request a client could send as fast as the server answers), and before anything reads a body.
    /// The connection is closed after the answer: a body whose framing the server does not take is not drained.
    /// </summary>
    public static IApplicationBuilder UseChunkedTransferOnly(this IApplicationBuilder app) => app.Use(next => (HttpContext context) =>
    {
        var header = context.Request.Headers.TransferEncoding;
        if (header.Count == 0 || (header.Count == 1 && IsChunkedAlone(header[0])))
            return next(context);
        context.Response.Headers.Connection = "close";
        return Problems.Create(StatusCodes.Status400BadRequest, BadRequestHandler.Type, BadRequestHandler.Title,
                $"The Transfer-Encoding header is \"{header}\"; this server takes \"{Chunked}\" alone, or no Transfer-Encoding.")
            .ExecuteAsync(context);
    });

    private static bool IsChunkedAlone(string? value) => value is not null && value.Trim().Equals(Chunked, StringComparison.OrdinalIgnoreCase);
}
