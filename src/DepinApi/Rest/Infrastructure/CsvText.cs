using System.Globalization;
using System.Text;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// RFC 4180 fields: invariant culture, quoted only when needed, CRLF between records. Text that a
/// spreadsheet would run as a formula is neutralised (OWASP "CSV injection"): quotes and names are
/// third-party text, and a cell such as <c>=HYPERLINK(…)</c> must open as text, not as a formula.
/// </summary>
public static class CsvText
{
    public const string LineBreak = "\r\n";

    // What a spreadsheet takes as the start of a formula: OWASP's list (= + - @, tab, carriage return), with the line
    // feed, and the full-width forms that spreadsheets in East Asian locales read as the same signs.
    private static readonly System.Buffers.SearchValues<char> FormulaStarts =
        System.Buffers.SearchValues.Create("=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20");

    /// <summary>
    /// Whether a spreadsheet could take <paramref name="text"/> as a formula: it starts with a formula sign, or with
    /// white space (a no-break space among it) before one, which some spreadsheets trim on import.
    /// </summary>
    internal static bool StartsLikeFormula(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        if (FormulaStarts.Contains(text[0])) return true;
        var firstVisible = 0;
        while (firstVisible < text.Length && char.IsWhiteSpace(text[firstVisible])) firstVisible++;
        return firstVisible > 0 && firstVisible < text.Length && FormulaStarts.Contains(text[firstVisible]);
    }

    /// <summary>What makes a field need quotes.</summary>
    internal static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\r\n");

    /// <summary>
    /// Appends one field; null is an empty field (never "0" or "null"). Only text is neutralised:
    /// a number, date or boolean is written as it is, so -12.5 stays a negative number. Text that
    /// starts like a formula gets a leading single quote (which spreadsheets show as text and hide)
    /// and is always quoted.
    /// </summary>
    public static void AppendField(StringBuilder line, object? value)
    {
        var text = Format(value);
        var formula = value is (string or Citations.FigureText) && StartsLikeFormula(text);
        if (formula)
            text = "'" + text;
        if (!formula && text.AsSpan().IndexOfAny(NeedsQuotes) < 0)
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
        DateTimeOffset time => UtcTimestampConverter.Write(time),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
