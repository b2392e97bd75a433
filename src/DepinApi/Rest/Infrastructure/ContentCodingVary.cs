using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The one home of the rule that a response whose bytes depend on <c>Accept-Encoding</c> says so with
/// <c>Vary: Accept-Encoding</c>, whatever this request's own <c>Accept-Encoding</c> (RFC 9110 12.5.5: every variant
/// of a negotiated resource names what selected it). ASP.NET Core's response compression adds it only when the request
/// accepts a coding, so a shared cache that kept the identity variant, which then named no Vary, would hand it and its
/// tag to a client that asked for gzip. It applies to what compression could encode (its media types, asked of it),
/// a body too short to be compressed included, since a REST response's tag names the coding asked for whatever its
/// length, and to a body that is encoded already (the precompressed OpenAPI documents and IDE assets).
/// </summary>
public static class ContentCodingVary
{
    /// <summary>
    /// Response compression, with every response it could encode saying so. Checked as the response starts, when its
    /// media type is known; a 304 has none, so whoever answers one declares it with <see cref="Declare"/> beforehand, as
    /// must anyone whose headers the output cache keeps before the response starts (it repeats them, 304s included).
    /// </summary>
    public static IApplicationBuilder UseResponseCompressionWithVary(this IApplicationBuilder app)
    {
        var compression = app.ApplicationServices.GetRequiredService<QualityCompressionProvider>();
        // One callback for the app, handed each request's context as its state: nothing is allocated per request for it.
        Func<object, Task> declareIfEncodable = state =>
        {
            var http = (HttpContext)state;
            if (http.Response.Headers.ContainsKey(HeaderNames.ContentEncoding) || compression.MayEncode(http))
                Declare(http.Response);
            return Task.CompletedTask;
        };
        app.Use((context, next) =>
        {
            context.Response.OnStarting(declareIfEncodable, context);
            return next(context);
        });
        return app.UseResponseCompression();
    }

    /// <summary>
    /// Adds <c>Accept-Encoding</c> to the response's <c>Vary</c>, unless it names it already; in the same field line, as
    /// one list (<c>Vary: Accept, Accept-Encoding</c>), which every client reads, where a second line is read by few.
    /// </summary>
    public static void Declare(HttpResponse response)
    {
        var headers = response.Headers;
        var names = headers.GetCommaSeparatedValues(HeaderNames.Vary);
        foreach (var name in names)
        {
            if (name.Equals(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) || name == "*")
                return;
        }
        headers.Vary = string.Join(", ", [.. names, HeaderNames.AcceptEncoding]);
    }
}
