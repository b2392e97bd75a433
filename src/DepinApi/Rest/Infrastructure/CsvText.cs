using System.Globalization;
using System.Text;

namespace DepinApi.Rest.Infrastructure;

/// <summary>RFC 4180 fields: invariant culture, quoted only when needed, CRLF between records.</summary>
public static class CsvText
{
    public const string LineBreak = "\r\n";

    /// <summary>Appends one field; null is an empty field (never "0" or "null").</summary>
    public static void AppendField(StringBuilder line, object? value)
    {
        var text = Format(value);
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(text);
            return;
        }
        line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => DecimalText.Format(d),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
