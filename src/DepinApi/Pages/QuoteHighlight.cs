namespace DepinApi.Pages;

/// <summary>A source's sentence in parts, those that state the figure's numbers marked, so the page can mark them.</summary>
public sealed record QuoteHighlight(IReadOnlyList<QuotePart> Parts)
{
    /// <summary>Whether any part is marked.</summary>
    public bool Marks => Parts.Any(p => p.Marked);

    /// <summary>
    /// Marks, for each of the figure's numbers, the first of its <paramref name="values"/>' ways of writing it (longest
    /// first: "$32.7 million" before "32.7") found in the quote, ignoring case; a number already inside a marked part (a
    /// range "35-40%" marked whole) is not marked again. The parts are plain text; the page escapes them.
    /// </summary>
    public static QuoteHighlight Find(string quote, IEnumerable<IEnumerable<string>> values)
    {
        var marks = new List<(int Start, int End)>();
        foreach (var value in values)
        {
            var candidates = value.Where(c => c.Length > 0).Distinct().OrderByDescending(c => c.Length).ToList();
            if (candidates.Any(c => marks.Any(m => quote.AsSpan(m.Start, m.End - m.Start).Contains(c, StringComparison.OrdinalIgnoreCase))))
                continue;
            foreach (var candidate in candidates)
            {
                var at = FreeOccurrence(quote, candidate, marks);
                if (at >= 0)
                {
                    marks.Add((at, at + candidate.Length));
                    break;
                }
            }
        }
        marks.Sort();
        var parts = new List<QuotePart>();
        var from = 0;
        foreach (var (start, end) in marks)
        {
            if (start > from)
                parts.Add(new QuotePart(quote[from..start], false));
            parts.Add(new QuotePart(quote[start..end], true));
            from = end;
        }
        if (from < quote.Length || parts.Count == 0)
            parts.Add(new QuotePart(quote[from..], false));
        return new QuoteHighlight(parts);
    }

    // The first place the candidate occurs that overlaps no mark already made.
    private static int FreeOccurrence(string quote, string candidate, List<(int Start, int End)> marks)
    {
        for (var at = quote.IndexOf(candidate, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = quote.IndexOf(candidate, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + candidate.Length;
            if (!marks.Any(m => at < m.End && m.Start < end))
                return at;
        }
        return -1;
    }
}

/// <summary>A stretch of a quote, marked when it states one of the figure's numbers.</summary>
public sealed record QuotePart(string Text, bool Marked);
