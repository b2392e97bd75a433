namespace DepinApi.Import;

/// <summary>
/// A quote is whole sentences or a whole table row of its article, never a piece of one: cut from inside a sentence,
/// "20 million" of "About $520 million", or "78.55% over the past year" of "down 78.55% over the past year", states a
/// figure the article does not, and the check that a row's number is stated in its quote would pass it.
/// <list type="bullet">
/// <item>A sentence starts at the start of a line, or after the end of the one before it: ".", "!", "?" or "…" (closing
/// quotation marks or brackets may follow) and white space. It ends with its own end before white space, or at the end
/// of its line.</item>
/// <item>A table row runs from its first "|" to its last, at the start of its line or after the row before it (a table
/// written on one line: "… | | Helium | …"), and ends at the end of its line or before the next row's "|".</item>
/// </list>
/// An abbreviation ("U.S. ") looks like a sentence's end, so a quote may start after one: the rule refuses pieces cut
/// inside a sentence's words and numbers, not every clause.
/// </summary>
internal static class QuotedSentence
{
    /// <summary>The longest quote: a sentence or table row, not a passage in which any number could be found.</summary>
    public const int MaxLength = 1_000;

    /// <summary>Whether <paramref name="quote"/> occurs in <paramref name="article"/> as whole sentences or a whole row.</summary>
    public static bool IsWholeIn(string article, string quote)
    {
        if (quote.Length == 0)
            return false;
        for (var at = article.IndexOf(quote, StringComparison.Ordinal); at >= 0;
             at = article.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            if (StartsOne(article, at, quote) && EndsOne(article, at + quote.Length, quote))
                return true;
        }
        return false;
    }

    private static bool StartsOne(string article, int at, string quote)
    {
        var before = at - 1;
        while (before >= 0 && IsSpace(article[before]))
            before--;
        if (before < 0 || IsLineBreak(article[before]))
            return true;
        if (before == at - 1)
            return false;
        if (quote[0] == '|')
            return article[before] == '|';
        while (before >= 0 && IsClosing(article[before]))
            before--;
        return before >= 0 && IsSentenceEnd(article[before]);
    }

    private static bool EndsOne(string article, int end, string quote)
    {
        var after = end;
        while (after < article.Length && IsSpace(article[after]))
            after++;
        if (after == article.Length || IsLineBreak(article[after]))
            return true;
        if (after == end)
            return false;
        if (quote[^1] == '|')
            return article[after] == '|';
        var last = quote.Length - 1;
        while (last >= 0 && IsClosing(quote[last]))
            last--;
        return last >= 0 && IsSentenceEnd(quote[last]);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0';

    private static bool IsLineBreak(char c) => c is '\n' or '\r';

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']';
}
