using System.Text;
using DepinApi.Database;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Strong entity tags derived from the data version (<see cref="TagBasis"/>) and the representation: the path, the query
/// (which carries <c>asOf</c>, filters and <c>format</c>), the Accept header that may choose CSV,
/// the host (absolute permalinks may depend on it; lower-cased, as host names are case-insensitive)
/// and the content coding. The same tag therefore always means the same bytes, and any import
/// changes every tag but those of versions <c>asOf</c> pins. Tags are keyed with <c>Rest:CursorKey</c>, so instances
/// behind one load balancer give the same tags only with the same key.
/// </summary>
public static class EntityTags
{
    /// <summary>The tags a 200 of <paramref name="request"/> may carry now (<see cref="TagBasis.Candidates"/>).</summary>
    public static IReadOnlyList<EntityTag> Current(HttpRequest request, DataVersionInfo newest, CursorCodec keys) =>
        [.. TagBasis.Candidates(request, newest).Select(basis => new EntityTag(Compute(request, basis, keys), Weak: false))];

    public static string Compute(HttpRequest request, TagBasis basis, CursorCodec keys)
    {
        var representation = new StringBuilder()
            .Append(basis.Version).Append(basis.Superseded ? " superseded" : "").Append('\n')
            .Append(request.Scheme).Append("://").Append(request.Host.Value?.ToLowerInvariant()).Append(request.PathBase.Value).Append(request.Path.Value)
            .Append('\n').Append(request.QueryString.Value)
            .Append('\n').Append(request.Headers.Accept.ToString())
            .Append('\n').Append(ContentCoding(request));
        // Keyed, so that nobody can compute the tag of a URL the server never answered with a 200:
        // a tag the request names is then proof that the same representation exists.
        var hash = keys.Mac("etag", representation.ToString());
        return $"\"v{basis.Version}-{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }

    /// <summary>
    /// A strong tag of a body that does not come from the data (the index of the API, the GraphQL IDE's page): a hash of its bytes and the
    /// content coding compression will choose, so that a compressed body, another representation, has another tag; a
    /// body too short to be compressed keeps one tag. The response then depends on Accept-Encoding, and says so.
    /// </summary>
    public static EntityTagHeaderValue OfContent(HttpRequest request, ReadOnlySpan<byte> content)
    {
        ContentCodingVary.Declare(request.HttpContext.Response);
        var coding = QualityCompressionProvider.IsLongEnough(content.Length) ? ContentCoding(request) : null;
        return PrecompressedContent.InCoding(PrecompressedContent.StrongETag(content), coding);
    }

    // A compressed body is a different representation, so it must carry a different strong tag: the coding is the
    // one response compression will choose, asked of it (q-values, "*" and "identity;q=0" as it reads them).
    private static string ContentCoding(HttpRequest request) =>
        request.HttpContext.RequestServices.GetService<IResponseCompressionProvider>()?.GetCompressionProvider(request.HttpContext)?.EncodingName
        ?? "identity";
}
