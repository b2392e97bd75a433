using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.GraphQL.Compiled;

/// <summary>Replacements written one after another as JSON strings, into pooled memory given back on disposal.</summary>
internal sealed class PooledJsonStrings : IDisposable
{
    // Escaped as the response writer escapes (a parsed string is written again with its own escaping anyway).
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly PooledBytes bytes = new(4096);

    public ReadOnlySpan<byte> Written => bytes.Written;

    /// <summary>Appends <paramref name="text"/> as a quoted JSON string; returns where it is in <see cref="Written"/>.</summary>
    public (int Start, int Length) AppendJsonString(string text)
    {
        var start = bytes.Length;
        bytes.Write("\""u8);
        // The text's UTF-8, which is its JSON when nothing in it needs escaping, the usual case.
        var utf8 = bytes.FreeSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, utf8);
        if (Encoder.FindFirstCharacterToEncodeUtf8(utf8[..length]) < 0)
            bytes.Advance(length);
        else
            bytes.Write(JsonEncodedText.Encode(text, Encoder).EncodedUtf8Bytes);
        bytes.Write("\""u8);
        return (start, bytes.Length - start);
    }

    public void Dispose() => bytes.Dispose();
}
