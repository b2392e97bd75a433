namespace DepinApi.Pages;

/// <summary>A source's sentence split around the words that state the figure, so the page can mark them.</summary>
public sealed record QuoteHighlight(string Before, string Marked, string After)
{
    /// <summary>
    /// Finds the first of <paramref name="candidates"/> (longest first: "$32.7 million" before "32.7") in the quote,
    /// ignoring case; the whole quote unmarked when none is in it. The parts are plain text; the page escapes them.
    /// </summary>
    public static QuoteHighlight Find(string quote, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates.Where(c => c.Length > 0).Distinct().OrderByDescending(c => c.Length))
        {
            var at = quote.IndexOf(candidate, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
                return new QuoteHighlight(quote[..at], quote.Substring(at, candidate.Length), quote[(at + candidate.Length)..]);
        }
        return new QuoteHighlight(quote, "", "");
    }
}
