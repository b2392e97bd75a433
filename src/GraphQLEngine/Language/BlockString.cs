using System.Text;

namespace GraphQLEngine.Language;

/// <summary>The block string (<c>"""…"""</c>) algorithms of the spec, as graphql-js 16 implements them.</summary>
public static class BlockString
{
    /// <summary>
    /// The spec's BlockStringValue(): removes the common indentation of all lines but the first,
    /// then drops leading and trailing blank lines.
    /// </summary>
    public static IReadOnlyList<string> DedentLines(IReadOnlyList<string> lines)
    {
        var commonIndent = int.MaxValue;
        var firstNonEmptyLine = -1;
        var lastNonEmptyLine = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = LeadingWhitespace(line);
            if (indent == line.Length) continue;
            if (firstNonEmptyLine < 0) firstNonEmptyLine = i;
            lastNonEmptyLine = i;
            if (i != 0 && indent < commonIndent) commonIndent = indent;
        }

        if (firstNonEmptyLine < 0) return [];
        var result = new string[lastNonEmptyLine - firstNonEmptyLine + 1];
        for (var i = firstNonEmptyLine; i <= lastNonEmptyLine; i++)
        {
            var line = lines[i];
            result[i - firstNonEmptyLine] = i == 0 || commonIndent == int.MaxValue
                ? line
                : line.Length <= commonIndent ? "" : line[commonIndent..];
        }
        return result;
    }

    /// <summary>The value of a block string's raw text: lines split on any line terminator, dedented, joined by <c>\n</c>.</summary>
    public static string DedentValue(string raw) =>
        string.Join('\n', DedentLines(SplitLines(raw)));

    /// <summary>
    /// Whether <paramref name="value"/> survives a print as a block string and a parse back unchanged
    /// (no control characters, no leading blank line, no trailing blank line, no indentation common to all lines).
    /// </summary>
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0) return true;
        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case '\u0000' or '\u0001' or '\u0002' or '\u0003' or '\u0004' or '\u0005' or '\u0006' or '\u0007'
                    or '\u0008' or '\u000B' or '\u000C' or '\u000E' or '\u000F':
                    return false;
                case '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine) return false;
                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }
        if (isEmptyLine) return false;
        if (hasCommonIndent && seenNonEmptyLine) return false;
        return true;
    }

    /// <summary>
    /// Prints <paramref name="value"/> as a block string literal the way graphql-js's <c>printBlockString</c> does:
    /// multi-line form (leading and trailing newline) when that reads better, unless <paramref name="minimize"/>.
    /// </summary>
    public static string Print(string value, bool minimize = false)
    {
        var escapedValue = value.Replace("\"\"\"", "\\\"\"\"");
        var lines = SplitLines(escapedValue);
        var isSingleLine = lines.Count == 1;

        var forceLeadingNewLine = lines.Count > 1
            && lines.Skip(1).All(line => line.Length == 0 || CharacterClasses.IsWhiteSpace(line[0]));
        var hasTrailingTripleQuotes = escapedValue.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;

        var printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes);

        var result = new StringBuilder("\"\"\"", value.Length + 8);
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && CharacterClasses.IsWhiteSpace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine) result.Append('\n');
        result.Append(escapedValue);
        if (printAsMultipleLines || forceTrailingNewline) result.Append('\n');
        return result.Append("\"\"\"").ToString();
    }

    /// <summary>Splits on GraphQL's line terminators only: <c>\r\n</c>, <c>\n</c>, <c>\r</c>.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(text[lineStart..i]);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            lineStart = i + 1;
        }
        lines.Add(text[lineStart..]);
        return lines;
    }

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && CharacterClasses.IsWhiteSpace(line[i])) i++;
        return i;
    }
}
