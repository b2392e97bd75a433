using System.Security.Cryptography;
using System.Text;
using DepinApi.Database;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Strong entity tags derived from the data version and the representation: the path, the query
/// (which carries <c>asOf</c>, filters and <c>format</c>), the Accept header that may choose CSV,
/// the host (absolute permalinks depend on it) and the content coding. The same tag therefore
/// always means the same bytes, and any import changes every tag.
/// </summary>
public static class EntityTags
{
    public static string Compute(HttpRequest request, DataVersionInfo version)
    {
        var representation = new StringBuilder()
            .Append(version.Id).Append('\n')
            .Append(request.Scheme).Append("://").Append(request.Host.Value).Append(request.PathBase.Value).Append(request.Path.Value)
            .Append('\n').Append(request.QueryString.Value)
            .Append('\n').Append(request.Headers.Accept.ToString())
            .Append('\n').Append(ContentCoding(request));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(representation.ToString()));
        return $"\"v{version.Id}-{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }

    /// <summary>True when an If-None-Match header lists <paramref name="etag"/> (or is "*").</summary>
    public static bool Matches(HttpRequest request, string etag)
    {
        foreach (var value in request.Headers.IfNoneMatch)
        {
            if (value is null)
                continue;
            foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // If-None-Match uses weak comparison (RFC 9110 13.1.2): W/"x" matches "x".
                var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (tag == "*" || tag == etag)
                    return true;
            }
        }
        return false;
    }

    // Response compression sits outside the API and picks Brotli, then gzip; a compressed body is a
    // different representation, so it must carry a different strong tag.
    private static string ContentCoding(HttpRequest request)
    {
        var accept = request.Headers.AcceptEncoding.ToString();
        if (accept.Contains("br", StringComparison.OrdinalIgnoreCase))
            return "br";
        return accept.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip" : "identity";
    }
}
