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
    /// The first segment of the raw path <paramref name="rawPath"/> (as sent, before any <c>?</c>) whose percent-encoded
    /// bytes are not UTF-8, as ASP.NET Core leaves it once decoded (<c>%FF</c> stays "%FF", as a literal <c>%25FF</c>
    /// becomes); null when every segment is text.
    /// </summary>
    public static string? FirstPathSegmentNotUtf8(string? rawPath)
    {
        if (string.IsNullOrEmpty(rawPath) || !MayEncodeNonAscii(rawPath))
            return null;
        foreach (var segment in rawPath.Split('/'))
        {
            if (MayEncodeNonAscii(segment) && !Utf8.IsValid(PercentDecoded(segment)))
                return Uri.UnescapeDataString(segment);
        }
        return null;
    }

    // A path's bytes: '%' and two hex digits is a byte, and '+' is itself (it means a space only in a form).
    private static byte[] PercentDecoded(string segment)
    {
        var bytes = new List<byte>(segment.Length);
        for (var at = 0; at < segment.Length; at++)
        {
            if (segment[at] == '%' && at + 2 < segment.Length && Uri.IsHexDigit(segment[at + 1]) && Uri.IsHexDigit(segment[at + 2]))
            {
                bytes.Add((byte)((Uri.FromHex(segment[at + 1]) << 4) | Uri.FromHex(segment[at + 2])));
                at += 2;
            }
            else
            {
                bytes.Add((byte)segment[at]);
            }
        }
        return bytes.ToArray();
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
