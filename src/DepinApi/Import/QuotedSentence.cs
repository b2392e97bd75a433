namespace DepinApi.Import;

/// <summary>
/// A quote is whole sentences or a whole table row of its article, never a piece of one: cut from inside a sentence,
/// "20 million" of "About $520 million", or "78.55% over the past year" of "down 78.55% over the past year", states a
/// figure the article does not, and the check that a row's number is stated in its quote would pass it.
/// <list type="bullet">
/// <item>A sentence starts at the start of a line, or after the end of the one before it: ".", "!" or "?" (closing
/// quotation marks or brackets may follow) and white space, where the dot ends no abbreviation or initial ("approx.",
/// "e.g.", "No.", "U.S."). It ends with its own end before white space, or at the end of its line, and holds a letter
/// (a list's "1." is no sentence).</item>
/// <item>A table row runs from its first "|" to its last, at the start of its line or after the row before it (a table
/// written on one line: "… | | Helium | …"), and ends at the end of its line or before the next row's "|"; it has two
/// cells at least and none empty, since an empty cell is where a table written on one line starts a row.</item>
/// </list>
/// </summary>
internal static class QuotedSentence
{
    /// <summary>The longest quote: a sentence or table row, not a passage in which any number could be found.</summary>
    public const int MaxLength = 1_000;

    /// <summary>Whether <paramref name="quote"/> occurs in <paramref name="article"/> as whole sentences or a whole row.</summary>
    public static bool IsWholeIn(string article, string quote)
    {
        if (!quote.Any(char.IsLetter) || !IsRowIfEitherEndIs(quote))
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
        return before >= 0 && IsSentenceEnd(article[before]) && !EndsAnAbbreviation(article, before);
    }

    // A row is quoted whole or not at all: "|" at both ends, two cells at least, and no empty cell, which on a table
    // written on one line ("… | | Helium | …") is where one row ends and the next begins.
    private static bool IsRowIfEitherEndIs(string quote)
    {
        var startsRow = quote[0] == '|';
        var endsRow = quote[^1] == '|';
        if (!startsRow && !endsRow)
            return true;
        if (!startsRow || !endsRow)
            return false;
        var cells = quote[1..^1].Split('|');
        return cells.Length >= 2 && cells.All(cell => !string.IsNullOrWhiteSpace(cell));
    }

    // "approx. 40%", "e.g. 12%", "No. 1", "U.S. 10": a dot that ends an abbreviation or an initial ends no sentence.
    private static bool EndsAnAbbreviation(string article, int dot)
    {
        if (article[dot] != '.')
            return false;
        var start = dot;
        while (start > 0 && (char.IsLetter(article[start - 1]) || article[start - 1] == '.'))
            start--;
        var word = article[start..dot];
        var lastPart = word[(word.LastIndexOf('.') + 1)..];
        return lastPart.Length == 1 || Abbreviations.Contains(word);
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "approx", "ca", "cf", "co", "corp", "dept", "dr", "e.g", "est", "fig", "figs", "i.e", "inc", "jr", "ltd", "mr", "mrs",
        "ms", "no", "nos", "p", "pp", "sr", "st", "vol", "vs",
    };

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

    // A byte-order mark is no text: an article saved with one starts its first line after it.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\uFEFF';

    private static bool IsLineBreak(char c) => c is '\n' or '\r';

    // Not "…": an ellipsis as often pauses inside a sentence as it ends one.
    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?';

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']';
}
