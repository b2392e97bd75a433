using System.Buffers;
using System.Globalization;
using System.Text;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Writes CSV records as UTF-8 straight into a pooled buffer, by the rules of <see cref="CsvText"/>, and hands the
/// buffer to the body in blocks. A whole-series export is tens of thousands of records: building each as a string
/// first, then encoding it, doubled the CPU and the garbage of the largest answers the API sends.
/// </summary>
internal sealed class CsvUtf8Writer : IDisposable
{
    private const int BlockBytes = 32 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BlockBytes * 2);
    private int _length;
    private bool _fieldWritten;

    /// <summary>Bytes waiting to be written; write them out once <see cref="IsBlockFull"/>.</summary>
    public ReadOnlyMemory<byte> Pending => _buffer.AsMemory(0, _length);

    public bool IsBlockFull => _length >= BlockBytes;

    public void Clear() => _length = 0;

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
                WriteText(text, formula: text.Length > 0 && CsvText.FormulaStarts.Contains(text[0]));
                return;
            case DateOnly date:
                Ensure(10);
                date.TryFormat(_buffer.AsSpan(_length), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                _length += written;
                return;
            case decimal number:
                // As DecimalText.Format writes it, without the string.
                Ensure(32);
                DecimalText.Normalize(number).TryFormat(_buffer.AsSpan(_length), out var digits, default, CultureInfo.InvariantCulture);
                _length += digits;
                return;
            default:
                WriteText(CsvText.Format(value), formula: false);
                return;
        }
    }

    private void WriteText(string text, bool formula)
    {
        if (!formula && text.AsSpan().IndexOfAny(CsvText.NeedsQuotes) < 0)
        {
            WriteUtf8(text);
            return;
        }
        Write("\""u8);
        if (formula) Write("'"u8);
        var rest = text.AsSpan();
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
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _length >= bytes) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
