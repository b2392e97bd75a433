using GraphQLEngine.Utilities;
using Microsoft.Extensions.Primitives;

namespace GraphQLEngine.Http;

/// <summary>
/// A POST body's <c>Content-Encoding</c>: the endpoint decodes none, so a body sent with one (<c>gzip</c>, <c>br</c>) is
/// refused before it is read. Read as if unencoded, a gzip body was answered "not valid JSON", and a plain body
/// labelled <c>br</c> was run as if the label were not there.
/// </summary>
/// <remarks>
/// RFC 9110 15.5.16: a 415 for a content coding the server does not take, with <c>Accept-Encoding</c> (12.5.3) saying
/// which it does: <c>identity</c>, the body as it is.
/// </remarks>
internal static class ContentCodings
{
    /// <summary>The only coding taken: none.</summary>
    public const string Accepted = "identity";

    // A coding named in a refusal is quoted at most this long: the header is the client's text.
    private const int QuotedLength = 64;

    /// <summary>The first coding the header says was applied to the body (<c>identity</c> is none), or null.</summary>
    public static string? FirstApplied(StringValues header)
    {
        foreach (var line in header)
        {
            if (line is null) continue;
            foreach (var part in line.Split(','))
            {
                var coding = part.Trim();
                if (coding.Length > 0 && !coding.Equals(Accepted, StringComparison.OrdinalIgnoreCase)) return coding;
            }
        }
        return null;
    }

    public static RequestReadFailure Refusal(string coding) => new(415,
        $"The request body is encoded with \"{QuotedText.Cut(coding, QuotedLength)}\", which this server does not decode: send it without a Content-Encoding (or with \"{Accepted}\").",
        AcceptEncoding: Accepted);
}
