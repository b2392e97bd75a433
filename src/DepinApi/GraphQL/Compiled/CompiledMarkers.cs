using System.Buffers;
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
    /// <paramref name="replacement"/> gives for its key and values; dispose of it once the response is written.
    /// </summary>
    /// <remarks>
    /// Spliced in the text rather than rewritten value by value: everything between two markers is copied as it
    /// stands. Walking a parsed document and parsing the rewritten one again cost about 4% of the server's CPU per
    /// request for a page of three projects with cursors. A marker's values are decoded only when read, and each
    /// replacement is written as JSON into pooled memory as it is made; the spliced text is written once its length
    /// is known, into pooled memory the response is written from (<see cref="CompiledJson"/>). A page of cited
    /// figures allocated 114 KB per request when every value became a string and every replacement an encoded copy.
    /// </remarks>
    public static CompiledJson Replace(ReadOnlyMemory<byte> json, Func<string, MarkerValues, string> replacement)
    {
        var reader = new Utf8JsonReader(json.Span);
        var markers = new List<(int Start, int End, int TextStart, int TextLength)>();
        using var texts = new PooledJsonStrings();
        var length = json.Length;
        var objectStart = -1;
        var values = new List<MarkerValue>();
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
                values.Add(new MarkerValue(reader));
            reader.Read();
            var end = (int)reader.BytesConsumed;

            var (textStart, textLength) = texts.AppendJsonString(replacement(key, new MarkerValues(json, values)));
            markers.Add((objectStart, end, textStart, textLength));
            length += textLength - (end - objectStart);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        var written = 0;
        var copied = 0;
        foreach (var (start, end, textStart, textLength) in markers)
        {
            json.Span[copied..start].CopyTo(buffer.AsSpan(written));
            written += start - copied;
            texts.Written.Slice(textStart, textLength).CopyTo(buffer.AsSpan(written));
            written += textLength;
            copied = end;
        }
        json.Span[copied..].CopyTo(buffer.AsSpan(written));
        return new CompiledJson(buffer, length);
    }
}
