using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DepinApi.GraphQL.Compiled;

/// <summary>Where a marker's value is in the JSON text, and what kind of token it is.</summary>
internal readonly struct MarkerValue
{
    private readonly int start;

    public MarkerValue(in Utf8JsonReader reader)
    {
        Kind = reader.TokenType;
        IsEscaped = reader.ValueIsEscaped;
        start = (int)reader.TokenStartIndex;
        // A string's span starts after its opening quote.
        ValueStart = Kind == JsonTokenType.String ? start + 1 : start;
        ValueLength = reader.ValueSpan.Length;
    }

    public JsonTokenType Kind { get; }

    public bool IsEscaped { get; }

    public int ValueStart { get; }

    public int ValueLength { get; }

    /// <summary>The whole token, quotes included.</summary>
    public Range Token => start..(ValueStart + ValueLength + (Kind == JsonTokenType.String ? 1 : 0));
}

/// <summary>
/// The values a marker holds, in order: text as it is, numbers as their digits, SQL NULL as null. Each is decoded
/// from the JSON text when read, so values a replacement does not need cost nothing.
/// </summary>
internal readonly struct MarkerValues(ReadOnlyMemory<byte> json, IReadOnlyList<MarkerValue> values, int offset = 0)
{
    public int Count => values.Count - offset;

    /// <summary>The values from the <paramref name="first"/>th on.</summary>
    public MarkerValues From(int first) => new(json, values, offset + first);

    public string? TextOrNull(int index)
    {
        var value = values[offset + index];
        if (value.Kind == JsonTokenType.Null) return null;
        if (!value.IsEscaped) return Encoding.UTF8.GetString(Utf8(value));
        var reader = new Utf8JsonReader(json.Span[value.Token]);
        reader.Read();
        return reader.GetString();
    }

    public string Text(int index) => TextOrNull(index) ?? throw Null(index);

    public int Int(int index) => int.Parse(Digits(index), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public decimal Decimal(int index) => decimal.Parse(Digits(index), NumberStyles.Number, CultureInfo.InvariantCulture);

    public decimal? DecimalOrNull(int index) => IsNull(index) ? null : Decimal(index);

    public DateOnly Date(int index) => DateOnly.ParseExact(Text(index), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateOnly? DateOrNull(int index) => IsNull(index) ? null : Date(index);

    private bool IsNull(int index) => values[offset + index].Kind == JsonTokenType.Null;

    // A number's digits (or a string's unescaped text) as UTF-8, parsed without making a string of it.
    private ReadOnlySpan<byte> Digits(int index)
    {
        var value = values[offset + index];
        if (value.Kind == JsonTokenType.Null) throw Null(index);
        return value.IsEscaped ? Encoding.UTF8.GetBytes(TextOrNull(index)!) : Utf8(value);
    }

    private ReadOnlySpan<byte> Utf8(MarkerValue value) => json.Span.Slice(value.ValueStart, value.ValueLength);

    private static FormatException Null(int index) => new($"Marker value {index} is null.");
}
