using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The one home of which content coding a response is sent in (RFC 9110 12.5.3): the coding <c>Accept-Encoding</c> gives
/// the highest quality, a coding taking its own entry's quality and <c>*</c>'s only when it has none, so <c>q=0</c> refuses
/// it whatever <c>*</c> says (<c>br;q=0, gzip;q=0, *</c> is neither). A tie goes to the coding the server lists first;
/// <c>identity</c> named with a higher quality than every coding, or no coding accepted, sends the body as it is. Response
/// compression (<see cref="QualityCompressionProvider"/>, and so the entity tags that name its coding) and the bodies
/// compressed beforehand (<see cref="PrecompressedContent"/>) both choose here. ASP.NET Core's own provider let <c>*</c>
/// bring back a coding refused with <c>q=0</c>, and the precompressed bodies took Brotli whenever it was accepted at all.
/// </summary>
public static class ContentCodingChoice
{
    private const string Identity = "identity";

    /// <summary>
    /// The coding of <paramref name="available"/> (in the server's order of preference) to send, or null for the body
    /// as it is; a missing or malformed header is null too.
    /// </summary>
    public static string? Choose(StringValues acceptEncoding, ReadOnlySpan<string> available)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var accepted))
            return null;
        string? chosen = null;
        var chosenQuality = 0.0;
        foreach (var coding in available)
        {
            var quality = QualityOf(accepted, coding) ?? QualityOf(accepted, "*") ?? 0;
            if (quality > chosenQuality)
            {
                chosen = coding;
                chosenQuality = quality;
            }
        }
        // Identity is acceptable unless refused, but preferred only where the client says so outright.
        return QualityOf(accepted, Identity) > chosenQuality ? null : chosen;
    }

    /// <summary>The quality the entries naming <paramref name="coding"/> give it (the highest, if it is named twice); null when none does.</summary>
    private static double? QualityOf(IList<StringWithQualityHeaderValue> accepted, string coding)
    {
        double? quality = null;
        foreach (var entry in accepted)
        {
            if (entry.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
                quality = Math.Max(quality ?? 0, entry.Quality ?? 1.0);
        }
        return quality;
    }
}
