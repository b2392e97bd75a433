using System.Buffers;
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
        foreach (var range in rawQuery.AsSpan().TrimStart('?').Split('&'))
        {
            var parameter = rawQuery.AsSpan().TrimStart('?')[range];
            if (!DecodesToUtf8(parameter))
            {
                var equals = parameter.IndexOf('=');
                return Uri.UnescapeDataString((equals < 0 ? parameter : parameter[..equals]).ToString().Replace('+', ' '));
            }
        }
        return null;
    }

    // Only a percent-encoded byte from 0x80 up can start text that is not UTF-8; the query strings of nearly every
    // request have none, and are passed over without decoding.
    private static bool MayEncodeNonAscii(string rawQuery)
    {
        for (var at = rawQuery.IndexOf('%'); at >= 0 && at + 1 < rawQuery.Length; at = rawQuery.IndexOf('%', at + 1))
        {
            if (char.IsAsciiHexDigit(rawQuery[at + 1]) && HexValue(rawQuery[at + 1]) >= 8)
                return true;
        }
        return false;
    }

    private static bool DecodesToUtf8(ReadOnlySpan<char> parameter)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(parameter.Length));
        try
        {
            var length = 0;
            for (var at = 0; at < parameter.Length; at++)
            {
                var c = parameter[at];
                if (c == '%' && at + 2 < parameter.Length && char.IsAsciiHexDigit(parameter[at + 1]) && char.IsAsciiHexDigit(parameter[at + 2]))
                {
                    bytes[length++] = (byte)(HexValue(parameter[at + 1]) * 16 + HexValue(parameter[at + 2]));
                    at += 2;
                }
                else
                {
                    // Text the server has already decoded from the request line is UTF-8 by then; a lone '%' stays itself.
                    var units = char.IsHighSurrogate(c) && at + 1 < parameter.Length ? 2 : 1;
                    length += Encoding.UTF8.GetBytes(parameter.Slice(at, units), bytes.AsSpan(length));
                    at += units - 1;
                }
            }
            return Utf8.IsValid(bytes.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static int HexValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
}
