using System.Text;
using DepinApi.Database;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Strong entity tags derived from the data version and the representation: the path, the query
/// (which carries <c>asOf</c>, filters and <c>format</c>), the Accept header that may choose CSV,
/// the host (absolute permalinks may depend on it; lower-cased, as host names are case-insensitive)
/// and the content coding. The same tag therefore always means the same bytes, and any import
/// changes every tag. Tags are keyed with <c>Rest:CursorKey</c>, so instances behind one load
/// balancer give the same tags only with the same key.
/// </summary>
public static class EntityTags
{
    public static string Compute(HttpRequest request, DataVersionInfo version, CursorCodec keys)
    {
        var representation = new StringBuilder()
            .Append(version.Id).Append('\n')
            .Append(request.Scheme).Append("://").Append(request.Host.Value?.ToLowerInvariant()).Append(request.PathBase.Value).Append(request.Path.Value)
            .Append('\n').Append(request.QueryString.Value)
            .Append('\n').Append(request.Headers.Accept.ToString())
            .Append('\n').Append(ContentCoding(request));
        // Keyed, so that nobody can compute the tag of a URL the server never answered with a 200:
        // a tag the request names is then proof that the same representation exists.
        var hash = keys.Mac("etag", representation.ToString());
        return $"\"v{version.Id}-{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }

    /// <summary>How an <c>If-None-Match</c> header relates to a representation's tag.</summary>
    public enum Precondition
    {
        /// <summary>No header, a malformed one, or no listed tag matches: answer normally.</summary>
        None,
        /// <summary>The header lists this tag (weak comparison): 304 without running the request.</summary>
        TagMatches,
        /// <summary>The header is <c>*</c>: 304 only if the request turns out to have a current representation.</summary>
        Any,
    }

    /// <summary>
    /// Evaluates If-None-Match as RFC 9110 13.1.2 does, the way the output cache evaluates it for
    /// the answers it keeps (so a cached and an uncached answer agree): weak comparison (W/"x"
    /// matches "x"), a comma-separated list of tags, or <c>*</c> on its own. A header that does
    /// not parse matches nothing.
    /// </summary>
    public static Precondition Evaluate(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
            return Precondition.None;
        if (header.Count == 1 && header[0]?.Trim() == "*")
            return Precondition.Any;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
            return Precondition.None;
        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Compare(current, useStrongComparison: false)) ? Precondition.TagMatches : Precondition.None;
    }

    // A compressed body is a different representation, so it must carry a different strong tag: the coding is the
    // one response compression will choose, asked of it (q-values, "*" and "identity;q=0" as it reads them).
    private static string ContentCoding(HttpRequest request) =>
        request.HttpContext.RequestServices.GetService<IResponseCompressionProvider>()?.GetCompressionProvider(request.HttpContext)?.EncodingName
        ?? "identity";
}
