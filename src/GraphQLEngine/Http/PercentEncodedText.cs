using System.Net;
using System.Text;
using System.Text.Unicode;

namespace GraphQLEngine.Http;

/// <summary>
/// Finds a query-string parameter whose percent-encoded bytes are not UTF-8 (<c>%FF</c>, or <c>%ED%A0%80</c>, an encoded
/// lone surrogate). ASP.NET Core's query parsing keeps such a sequence as the literal text "%FF", so the value read would
/// not be the one sent, and nothing after parsing tells it from a literal "%25FF": only the raw query string does.
/// </summary>
public static class PercentEncodedText
{
    /// <summary>
    /// The name, decoded as ASP.NET Core decodes it, of the first parameter of <paramref name="rawQuery"/> (with or
    /// without its leading <c>?</c>) whose name or value is not UTF-8 once decoded; null when every one is.
    /// </summary>
    public static string? FirstNotUtf8(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery) || !MayEncodeNonAscii(rawQuery))
            return null;
        var query = rawQuery.AsSpan().TrimStart('?');
        foreach (var range in query.Split('&'))
        {
            var parameter = query[range];
            if (!DecodesToUtf8(parameter))
            {
                var equals = parameter.IndexOf('=');
                return Uri.UnescapeDataString((equals < 0 ? parameter : parameter[..equals]).ToString().Replace('+', ' '));
            }
        }
        return null;
    }

    /// <summary>
    /// The first segment of the path of <paramref name="rawTarget"/> (the request target as sent, its query ignored)
    /// whose percent-encoded bytes are not UTF-8, as ASP.NET Core leaves it once decoded (<c>%FF</c> stays "%FF", as a
    /// literal <c>%25FF</c> becomes); null when every segment is text.
    /// </summary>
    public static string? FirstPathSegmentNotUtf8(string? rawTarget)
    {
        // Nearly every target has no such byte, and is passed over without splitting or decoding.
        if (string.IsNullOrEmpty(rawTarget) || !MayEncodeNonAscii(rawTarget))
            return null;
        var query = rawTarget.IndexOf('?');
        foreach (var segment in (query < 0 ? rawTarget : rawTarget[..query]).Split('/'))
        {
            // A '+' decoded as a space, as in a query, changes nothing about whether the bytes are UTF-8.
            if (MayEncodeNonAscii(segment) && !DecodesToUtf8(segment))
                return Uri.UnescapeDataString(segment);
        }
        return null;
    }

    // Only a percent-encoded byte from 0x80 up can start text that is not UTF-8; the query strings of nearly every
    // request have none, and are passed over without decoding.
    private static bool MayEncodeNonAscii(string rawQuery)
    {
        for (var at = rawQuery.IndexOf('%'); at >= 0 && at + 1 < rawQuery.Length; at = rawQuery.IndexOf('%', at + 1))
        {
            if (rawQuery[at + 1] is (>= '8' and <= '9') or (>= 'A' and <= 'F') or (>= 'a' and <= 'f'))
                return true;
        }
        return false;
    }

    // Decoded as a form decodes it ('+' a space, a '%' not followed by two hex digits left as it is); the raw query is
    // ASCII, as Kestrel refuses any other byte in the request line.
    private static bool DecodesToUtf8(ReadOnlySpan<char> parameter)
    {
        var encoded = Encoding.UTF8.GetBytes(parameter.ToString());
        return Utf8.IsValid(WebUtility.UrlDecodeToBytes(encoded, 0, encoded.Length));
    }
}
