using System.Globalization;
using System.Text;
using DepinApi.Rest.Citations;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Writes CSV records as UTF-8 straight into a pooled buffer, by the rules of <see cref="CsvText"/>, and hands the
/// buffer to the body in blocks. A whole-series export is tens of thousands of records: building each as a string
/// first, then encoding it, doubled the CPU and the garbage of the largest answers the API sends.
/// </summary>
internal sealed class CsvUtf8Writer : IDisposable
{
    private const int BlockBytes = 32 * 1024;

    private readonly PooledBytes _bytes = new(BlockBytes * 2);
    private bool _fieldWritten;

    /// <summary>Bytes waiting to be written; write them out once <see cref="IsBlockFull"/>.</summary>
    public ReadOnlyMemory<byte> Pending => _bytes.WrittenMemory;

    public bool IsBlockFull => _bytes.Length >= BlockBytes;

    public void Clear() => _bytes.Clear();

    public void EndRecord()
    {
        Write("\r\n"u8);
        _fieldWritten = false;
    }

    /// <summary>One field, exactly as <see cref="CsvText.AppendField"/> writes it.</summary>
    public void WriteField(object? value)
    {
        if (_fieldWritten) Write(","u8);
        _fieldWritten = true;
        switch (value)
        {
            case null:
                return;
            case string text:
                WriteText(text);
                return;
            case FigureText text:
                text.Write(this, static (chars, writer) => writer.WriteText(chars));
                return;
            case DateOnly date:
                date.TryFormat(_bytes.FreeSpan(10), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                _bytes.Advance(written);
                return;
            case decimal number:
                // As DecimalText.Format writes it, without the string.
                DecimalText.Normalize(number).TryFormat(_bytes.FreeSpan(32), out var digits, default, CultureInfo.InvariantCulture);
                _bytes.Advance(digits);
                return;
            default:
                WriteText(CsvText.Format(value), formula: false);
                return;
        }
    }

    // Text, neutralised when it starts like a formula.
    private void WriteText(ReadOnlySpan<char> text) =>
        WriteText(text, formula: CsvText.StartsLikeFormula(text));

    private void WriteText(ReadOnlySpan<char> text, bool formula)
    {
        if (!formula && text.IndexOfAny(CsvText.NeedsQuotes) < 0)
        {
            WriteUtf8(text);
            return;
        }
        Write("\""u8);
        if (formula) Write("'"u8);
        var rest = text;
        int quote;
        while ((quote = rest.IndexOf('"')) >= 0)
        {
            WriteUtf8(rest[..(quote + 1)]);
            Write("\""u8);
            rest = rest[(quote + 1)..];
        }
        WriteUtf8(rest);
        Write("\""u8);
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        _bytes.Advance(Encoding.UTF8.GetBytes(text, _bytes.FreeSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));
    }

    private void Write(ReadOnlySpan<byte> bytes) => _bytes.Write(bytes);

    public void Dispose() => _bytes.Dispose();
}
