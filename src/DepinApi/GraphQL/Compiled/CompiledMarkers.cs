using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// Values of a compiled result that Postgres cannot write: signed cursors (the key stays in the process) and
/// permalinks and citations (written by REST's C#). The statement writes each as a marker, an object whose one key
/// begins with <c>$</c> and holds what the value is made from (<c>{"$cursor": [list, sort value, slug]}</c>), and the
/// marked column's text is rewritten here with each marker's value, a JSON string, in its place. No selection can
/// produce a marker's key: response keys are GraphQL names, which never hold a <c>$</c>.
/// </summary>
internal static class CompiledMarkers
{
    /// <summary>SQL writing the marker <paramref name="key"/> (a constant beginning with <c>$</c>) holding <paramref name="values"/>.</summary>
    public static string Marker(string key, IEnumerable<string> values) =>
        $"json_build_object('{key}', json_build_array({string.Join(", ", values)}))";

    /// <summary>
    /// The JSON text <paramref name="json"/> (UTF-8, as Postgres wrote it) with every marker replaced by the string
    /// <paramref name="replacement"/> gives for its key and values, parsed; dispose of it once the response is written.
    /// </summary>
    /// <remarks>
    /// Spliced in the text rather than rewritten value by value: everything between two markers is copied as it
    /// stands, and the result is parsed once. Walking a parsed document and parsing the rewritten one again cost
    /// about 4% of the server's CPU per request for a page of three projects with cursors. The spliced text is written
    /// once its length is known, into pooled memory the document is parsed over.
    /// </remarks>
    public static ReplacedJson Replace(ReadOnlySpan<byte> json, Func<string, MarkerValues, string> replacement)
    {
        var reader = new Utf8JsonReader(json);
        var markers = new List<(int Start, int End, JsonEncodedText Text)>();
        var length = json.Length;
        var objectStart = -1;
        var values = new List<string?>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                objectStart = (int)reader.TokenStartIndex;
                continue;
            }
            // A marker is an object whose first (and only) property is a key beginning with $.
            if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueSpan is not [(byte)'$', ..]) continue;

            var key = reader.GetString()!;
            values.Clear();
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                values.Add(reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.String => reader.GetString(),
                    // Numbers as Postgres wrote their digits, parsed by the reader of the value (MarkerValues).
                    _ => Encoding.UTF8.GetString(reader.ValueSpan),
                });
            reader.Read();
            var end = (int)reader.BytesConsumed;

            // Escaped as the response writer escapes (a parsed string is written again with its own escaping anyway).
            var text = JsonEncodedText.Encode(replacement(key, new MarkerValues(values)), JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            markers.Add((objectStart, end, text));
            length += text.EncodedUtf8Bytes.Length + 2 - (end - objectStart);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        var written = 0;
        var copied = 0;
        foreach (var (start, end, text) in markers)
        {
            json[copied..start].CopyTo(buffer.AsSpan(written));
            written += start - copied;
            buffer[written++] = (byte)'"';
            text.EncodedUtf8Bytes.CopyTo(buffer.AsSpan(written));
            written += text.EncodedUtf8Bytes.Length;
            buffer[written++] = (byte)'"';
            copied = end;
        }
        json[copied..].CopyTo(buffer.AsSpan(written));
        return new ReplacedJson(buffer, length);
    }
}

/// <summary>A column's JSON with its markers replaced: the document, parsed over pooled memory given back on disposal.</summary>
internal sealed class ReplacedJson : IDisposable
{
    private byte[]? buffer;

    public ReplacedJson(byte[] buffer, int length)
    {
        try
        {
            Document = JsonDocument.Parse(buffer.AsMemory(0, length));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        this.buffer = buffer;
        Length = length;
    }

    public JsonDocument Document { get; }

    /// <summary>The JSON's length in bytes.</summary>
    public int Length { get; }

    public void Dispose()
    {
        Document.Dispose();
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        buffer = null;
    }
}

/// <summary>The values a marker holds, in order: text as it is, numbers as their digits, SQL NULL as null.</summary>
internal readonly struct MarkerValues(IReadOnlyList<string?> values, int offset = 0)
{
    public int Count => values.Count - offset;

    /// <summary>The values from the <paramref name="first"/>th on.</summary>
    public MarkerValues From(int first) => new(values, offset + first);

    public string? TextOrNull(int index) => values[offset + index];

    public string Text(int index) => TextOrNull(index) ?? throw new FormatException($"Marker value {index} is null.");

    public int Int(int index) => int.Parse(Text(index), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public decimal Decimal(int index) => decimal.Parse(Text(index), NumberStyles.Number, CultureInfo.InvariantCulture);

    public decimal? DecimalOrNull(int index) => TextOrNull(index) is null ? null : Decimal(index);

    public DateOnly Date(int index) => DateOnly.ParseExact(Text(index), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly? DateOrNull(int index) => TextOrNull(index) is null ? null : Date(index);
}
