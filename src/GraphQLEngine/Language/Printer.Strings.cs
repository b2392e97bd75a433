using System.Text;

namespace GraphQLEngine.Language;

// String literals, as graphql-js's `printString` writes them.
public static partial class Printer
{
    /// <summary>
    /// <paramref name="value"/> as a double-quoted GraphQL string literal: <c>"</c> and <c>\</c> escaped,
    /// control characters (U+0000–U+001F, U+007F–U+009F) written as <c>\n</c>, <c>\t</c> … or <c>\uXXXX</c>;
    /// everything else, non-ASCII included, kept as is.
    /// </summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    builder.Append("\\u").Append(((int)c).ToString("X4"));
                    break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>
    /// <paramref name="value"/> as a <c>"""</c> block string literal (see <see cref="BlockString.Print"/>).
    /// Only faithful when <see cref="BlockString.IsPrintableAsBlockString"/> holds.
    /// </summary>
    public static string PrintBlockString(string value, bool minimize = false) => BlockString.Print(value, minimize);
}
