using System.Text;

namespace DepinApi.Import;

/// <summary>
/// Decodes a seed file as UTF-8 and refuses anything else: a file saved in another encoding
/// would otherwise import with silently replaced characters in names and quotes.
/// </summary>
internal static class StrictUtf8
{
    private static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null and an error pointing at the first byte that is not UTF-8.</summary>
    public static string? Decode(byte[] bytes, string fileName, out ImportError? error)
    {
        try
        {
            error = null;
            return Encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Clamp(e.Index, 0, bytes.Length);
            var (line, column) = PositionAfter(Encoding.GetString(bytes, 0, offset));
            var bad = e.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : bytes[Math.Min(offset, bytes.Length - 1)];
            error = new ImportError(fileName, line, column,
                $"file is not valid UTF-8: byte 0x{bad:X2} at offset {offset} does not belong to a UTF-8 character; save the file as UTF-8");
            return null;
        }
    }

    /// <summary>The line and column just after <paramref name="prefix"/>, counted as <see cref="CsvReader"/> counts them.</summary>
    private static (int Line, int Column) PositionAfter(string prefix)
    {
        var (line, column) = (1, 1);
        var start = prefix.Length > 0 && prefix[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < prefix.Length; i++)
        {
            var c = prefix[i];
            if (c == '\r' && i + 1 < prefix.Length && prefix[i + 1] == '\n')
                continue;
            if (c is '\n' or '\r')
                (line, column) = (line + 1, 1);
            else if (!char.IsLowSurrogate(c))
                column++;
        }
        return (line, column);
    }
}
