namespace GraphQLEngine.Language;

/// <summary>A 1-based line and column in a source text (columns count UTF-16 code units).</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>
    /// The line and column of a character offset. <c>\r\n</c>, <c>\n</c> and <c>\r</c> each end a line,
    /// exactly as graphql-js's <c>getLocation</c> counts them.
    /// </summary>
    public static SourceLocation FromOffset(string body, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\n' && c != '\r') continue;
            if (i >= offset) break;
            var width = c == '\r' && i + 1 < body.Length && body[i + 1] == '\n' ? 2 : 1;
            lineStart = i + width;
            line++;
            i += width - 1;
        }
        return new SourceLocation(line, offset + 1 - lineStart);
    }
}
