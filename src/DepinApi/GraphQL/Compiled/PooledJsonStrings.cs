using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DepinApi.GraphQL.Compiled;

/// <summary>Replacements written one after another as JSON strings, into pooled memory given back on disposal.</summary>
internal sealed class PooledJsonStrings : IDisposable
{
    // Escaped as the response writer escapes (a parsed string is written again with its own escaping anyway).
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(4096);
    private int used;

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, used);

    /// <summary>Appends <paramref name="text"/> as a quoted JSON string; returns where it is in <see cref="Written"/>.</summary>
    public (int Start, int Length) AppendJsonString(string text)
    {
        var start = used;
        // The text's UTF-8 between quotes, which is its JSON when nothing in it needs escaping, the usual case.
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length) + 2);
        buffer[used++] = (byte)'"';
        var utf8 = buffer.AsSpan(used, Encoding.UTF8.GetBytes(text, buffer.AsSpan(used)));
        if (Encoder.FindFirstCharacterToEncodeUtf8(utf8) < 0)
            used += utf8.Length;
        else
        {
            var encoded = JsonEncodedText.Encode(text, Encoder).EncodedUtf8Bytes;
            Reserve(encoded.Length + 1);
            encoded.CopyTo(buffer.AsSpan(used));
            used += encoded.Length;
        }
        buffer[used++] = (byte)'"';
        return (start, used - start);
    }

    private void Reserve(int bytes)
    {
        if (used + bytes <= buffer.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, used + bytes));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }
}
