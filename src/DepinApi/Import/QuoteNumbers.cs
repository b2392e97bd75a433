using System.Globalization;
using System.Text.RegularExpressions;

namespace DepinApi.Import;

/// <summary>How a CSV value is written in prose.</summary>
internal enum FigureKind
{
    /// <summary>A plain number: dollars, counts, prices, tokens ("$520 million", "440,000+", "0.7277", "10x").</summary>
    Number,

    /// <summary>
    /// A fraction: a percentage ("70%" is 0.70, "down 78.55%" is -0.7855) or a multiple ("10x" is 10,
    /// "doubling" is 2), as the data model writes both.
    /// </summary>
    Percent,
}

internal readonly record struct QuoteNumber(decimal Value, FigureKind Kind);

/// <summary>
/// A number as a sentence states it: its value, the words that state it (<see cref="Text"/>), and what makes it no
/// figure of this data on its own: an amount of another currency ("€5.1 million"), or one end of a range ("$10-12
/// million", "35-40%", "5 or 6 million"), which is a range's figure, not a single one.
/// </summary>
internal sealed record NumberSpelling(QuoteNumber Number, string Text, bool InOtherCurrency = false, bool RangeEnd = false);

/// <summary>
/// Reads the numbers a sentence states, normalised the way the CSV files write them, so that a
/// row's value can be required to be one of them exactly (<see cref="StatedInQuoteRule"/>). Exact
/// decimal equality is the point: 32.8 million must not pass for "$32.7 million".
/// </summary>
internal static partial class QuoteNumbers
{
    // ASCII digits only ([0-9], not \d, which matches every script's digits and which decimal.Parse refuses), thousands
    // grouped with commas, or with the no-break and thin spaces typesetting uses.
    private const string Magnitude = @"[0-9]{1,3}(?:[,\u00A0\u2009\u202F][0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";

    // Not glued to a word ("5G", "GB200", "Q3", "V3.1" are names), nor joined to one by a hyphen on either side
    // ("COVID-19", "GPT-4", "a 5-year plan", "10-K").
    // A range's second end after an abbreviated or worded first one ("$5M-$7M", "$5 million-$7 million") is no name.
    private const string NotInAName =
        @"(?<![\p{L}\p{Nd}.,])(?:(?<!\p{L}[-–])|(?<=[0-9](?:\s?(?:" + ScaleAbbreviation + @")|\s+(?:" + ScaleWord + @"))[-–])(?=\$))";
    private const string NotBeforeAName = @"(?![-–]\p{L})";

    // Every figure of this data is in US dollars or no currency. Another currency's sign or code before the number
    // ("€5.1 million", "A$5 million", "GBP 3 million"), or its name or code after it ("5 million euros"), marks an amount
    // no dollar figure may cite. "US$" and "USD" are dollars.
    private const string Dollar = @"(?<dollar>US\$|\$|USD\s?)";
    private const string OtherCurrencyCode = "EUR|GBP|JPY|CNY|RMB|CHF|INR|KRW|AUD|CAD|HKD|SGD";
    private const string OtherCurrencyBefore = @"(?<other>[€£¥₹₩₽₺₦]|(?:" + OtherCurrencyCode + @")\s?|(?-i:[A-Z]{1,3})\$)";
    private const string OtherCurrencyAfter =
        @"(?<otherAfter>\s+(?:euros?|pounds?\s+sterling|sterling|yen|yuan|renminbi|rupees?|francs?|" + OtherCurrencyCode + @")\b)";

    // The words that scale a number, and the press's abbreviations of them after a dollar amount (read by Scale).
    private const string ScaleWord = "thousand|million|billion|trillion";
    private const string ScaleAbbreviation = "bn|mn|tn|mm|[kmbt]";

    // "35-40%", "91%-97%": both ends are percentages, and the dash is not a minus sign.
    [GeneratedRegex(NotInAName + @"(?<lo>[0-9]+(?:\.[0-9]+)?)\s*%?\s*[-–]\s*(?<hi>[0-9]+(?:\.[0-9]+)?)\s*%")]
    private static partial Regex PercentRange();

    // A number, and how it is scaled: "$520 million", "78.55%", "10x", "15×", "440,000+", and dollars abbreviated as the
    // press writes them ("$4.2M", "$1.5 bn", "$4.5MM", "$500K"); without "$", "80B" is a name ("Qwen3-80B"). A number
    // followed by a decimal comma's digits ("1,5 million") is no figure: read as "1" it would pass for one.
    [GeneratedRegex(
        NotInAName + @"(?<neg>[-−–])?(?:" + Dollar + "|" + OtherCurrencyBefore + @")?(?<num>" + Magnitude + @")(?![.,]\p{Nd})" + NotBeforeAName +
        @"(?<pct>\s*%)?(?:\s+(?<scale>" + ScaleWord + @")\b)?(?:\s?(?<abbr>" + ScaleAbbreviation + @"))?(?<x>[x×])?\+?(?![\p{L}\p{Nd}])" +
        OtherCurrencyAfter + "?",
        RegexOptions.IgnoreCase)]
    private static partial Regex NumberToken();

    // The second end of a range that carries the scale for both: "$10-12 million", "$13 to $15 million", "between 3 and
    // 4 million", "5 or 6 million". Its first end alone ("$10") is not what the sentence states. A second end in dollars
    // needs a first one in dollars ("from $2 in 2024 to $3 million" is no range of 2024), and a year is never an end.
    [GeneratedRegex(
        @"\G\s*(?:[-–]|to|or|(?<and>and))\s*(?<dollar>\$)?(?:" + Magnitude + @")(?:\s+(?<scale>" + ScaleWord + @")\b|\s?(?<abbr>" + ScaleAbbreviation + @")(?![\p{L}\p{Nd}]))",
        RegexOptions.IgnoreCase)]
    private static partial Regex SharedScale();

    [GeneratedRegex(@"\bbetween\s*\$?$", RegexOptions.IgnoreCase)]
    private static partial Regex Between();

    [GeneratedRegex(@"\bfrom\s*\$?$", RegexOptions.IgnoreCase)]
    private static partial Regex From();

    // What joins a range's two ends, and nothing else between them.
    [GeneratedRegex(@"^\s*(?:[-–]|(?<to>to)|or|(?<and>and))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RangeJoin();

    [GeneratedRegex(@"\b(?:doubl(?:e|ed|ing))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Doubling();

    // Words that make a percentage after them a fall ("down 78.55%", "evaporating 93.05%") or a rise ("rose 28%"); the
    // nearer one before the number decides, so "prices fell while usage rose 28%" is a rise. Only in the number's own
    // clause and a few words before it (ChangeWordReach): "costs fell, and now 40% of users pay" is no fall. A word in a
    // compound ("cut-off", "Down-payments") is no change word.
    [GeneratedRegex(
        @"\b(?:(?<fall>down|fell|fall|falls|fallen|falling|drop|drops|dropp\w*|declin\w*|decreas\w*|evaporat\w*|reduc\w*|lost|los(?:e|es|ing)|loss\w*|plung\w*|shr[ai]nk\w*|shrunk|cut|slid\w*|slip\w*|tumbl\w*|sank|sink\w*|slump\w*|dip|dips|dipp\w*|crash\w*|collaps\w*|shed\w*|erod\w*|retreat\w*|negative|minus)" +
        @"|(?<rise>up|rose|rise|rises|rising|risen|grew|grow\w*|increas\w*|gain\w*|climb\w*|jump\w*|surg\w*|soar\w*|rebound\w*|accelerat\w*))\b(?![-–])",
        RegexOptions.IgnoreCase)]
    private static partial Regex ChangeWord();

    // "fell to 31%" names the level it fell to, "fell from 50%" the level it fell from, not the size of the fall.
    [GeneratedRegex(@"\b(?:to|from)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LevelAfterChange();

    // A clause ends between a change word and the number: punctuation, or a conjunction or relative pronoun.
    [GeneratedRegex(@"[,;:()]|\b(?:and|but|while|whereas|which|who|that|although|though)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    private const int ChangeWordReach = 4;

    // "26% lower", "a 29% drop": the word after the percentage makes it a fall.
    [GeneratedRegex(@"^\s*(?:lower|less|down|drop|drops|declines?|decreases?|falls?|cut|cuts|loss|losses|reduction|contraction|slump)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FallAfter();

    private const int ChangeWordWindow = 40;

    public static IReadOnlyList<QuoteNumber> Extract(string quote) => Spellings(quote).Select(s => s.Number).ToList();

    /// <summary>
    /// Each number with the words that state it, without sign, "$" or "+": "520 million", "78.55%", "35-40%", "10x",
    /// "doubling" — what a citation must repeat to keep the source's precision and wording. In the order the sentence
    /// states them.
    /// </summary>
    public static IReadOnlyList<NumberSpelling> Spellings(string quote)
    {
        var found = new List<(int At, NumberSpelling Spelling)>();
        var masked = quote.ToCharArray();

        foreach (Match m in PercentRange().Matches(quote))
        {
            var range = m.Value;
            var sign = Falls(quote[Math.Max(0, m.Index - ChangeWordWindow)..m.Index]) ? -1m : 1m;
            if (Percent(m.Groups["lo"].Value) is { } lo && Percent(m.Groups["hi"].Value) is { } hi)
            {
                found.Add((m.Index, new NumberSpelling(new QuoteNumber(sign * lo, FigureKind.Percent), range, RangeEnd: true)));
                found.Add((m.Index, new NumberSpelling(new QuoteNumber(sign * hi, FigureKind.Percent), range, RangeEnd: true)));
            }
            for (var i = m.Index; i < m.Index + m.Length; i++)
                masked[i] = ' ';
        }

        var text = new string(masked);
        var previousEnd = 0;
        (Match Token, int FirstFound)? previous = null;
        foreach (Match m in NumberToken().Matches(text))
        {
            var currencyBefore = m.Groups["dollar"].Success || m.Groups["other"].Success;
            // An amount too large for a decimal is no figure the data model can hold.
            if ((m.Groups["abbr"].Success && !currencyBefore) || Parsed(Digits(m.Groups["num"].Value)) is not { } magnitude)
                continue;
            var minus = m.Groups["neg"].Success;
            var other = m.Groups["other"].Success || m.Groups["otherAfter"].Success;
            var spelled = m.Groups["other"].Value + m.Groups["num"].Value + m.Groups["pct"].Value
                          + (m.Groups["scale"].Success ? " " + m.Groups["scale"].Value : "") + m.Groups["abbr"].Value + m.Groups["x"].Value
                          + m.Groups["otherAfter"].Value;
            var firstFound = found.Count;

            if (m.Groups["pct"].Success)
            {
                var windowStart = Math.Max(previousEnd, m.Index - ChangeWordWindow);
                var falls = minus || Falls(text[windowStart..m.Index]) || FallAfter().IsMatch(text[(m.Index + m.Length)..]);
                var fraction = magnitude / 100m;
                found.Add((m.Index, new NumberSpelling(new QuoteNumber(falls ? -fraction : fraction, FigureKind.Percent), spelled, other)));
            }
            else
            {
                var scale = Scale(m.Groups["scale"].Value) * Scale(Abbreviated(m.Groups["abbr"].Value));
                if (scale == 1 && !m.Groups["x"].Success && !IsYear(m) && SharedScale().Match(text, m.Index + m.Length) is { Success: true } shared
                    && (currencyBefore || !shared.Groups["dollar"].Success)
                    && (!shared.Groups["and"].Success || Between().IsMatch(text[..m.Index])))
                {
                    scale = Scale(shared.Groups["scale"].Value) * Scale(Abbreviated(shared.Groups["abbr"].Value));
                    spelled += " " + (shared.Groups["scale"].Success ? shared.Groups["scale"].Value : shared.Groups["abbr"].Value);
                }
                var value = magnitude * scale;
                found.Add((m.Index, new NumberSpelling(new QuoteNumber(minus ? -value : value, FigureKind.Number), spelled, other)));
                if (m.Groups["x"].Success)
                    found.Add((m.Index, new NumberSpelling(new QuoteNumber(minus ? -value : value, FigureKind.Percent), spelled, other)));
            }

            if (previous is { } first && JoinsRange(text, first.Token, m))
                MarkRange(found, first.FirstFound);
            previous = (m, firstFound);
            previousEnd = m.Index + m.Length;
        }

        if (Doubling().Match(quote) is { Success: true } doubling)
        {
            found.Add((doubling.Index, new NumberSpelling(new QuoteNumber(2m, FigureKind.Number), doubling.Value)));
            found.Add((doubling.Index, new NumberSpelling(new QuoteNumber(2m, FigureKind.Percent), doubling.Value)));
        }

        return found.OrderBy(f => f.At).Select(f => f.Spelling).ToList();
    }

    /// <summary>Whether the quote states <paramref name="value"/> of <paramref name="kind"/> at all, a range's end or another currency's amount included.</summary>
    public static bool Appears(string quote, decimal value, FigureKind kind) =>
        Extract(quote).Any(n => n.Kind == kind && n.Value == value);

    // Two numbers of one kind joined as a range's ends: "10-12 million", "$5M-$7M", "5 or 6 million", "between 3 and 4
    // million", "$13 to $15 million". "from $13 to $15 million" and "rose 10% to 20%" name a change and a level, not a
    // range, and a year is never an end.
    private static bool JoinsRange(string text, Match first, Match second)
    {
        if (first.Groups["pct"].Success != second.Groups["pct"].Success || IsYear(first) || IsYear(second)
            || RangeJoin().Match(text[(first.Index + first.Length)..second.Index]) is not { Success: true } join)
            return false;
        var before = text[..first.Index];
        if (join.Groups["and"].Success)
            return Between().IsMatch(before);
        return !join.Groups["to"].Success
               || (!From().IsMatch(before) && !ChangeWord().IsMatch(before[Math.Max(0, before.Length - ChangeWordWindow)..]));
    }

    // Both ends of a range are range ends, and an amount in another currency if either end says so ("10-12 million euros").
    private static void MarkRange(List<(int At, NumberSpelling Spelling)> found, int firstOfRange)
    {
        var other = false;
        for (var i = firstOfRange; i < found.Count; i++)
            other |= found[i].Spelling.InOtherCurrency;
        for (var i = firstOfRange; i < found.Count; i++)
            found[i] = (found[i].At, found[i].Spelling with { RangeEnd = true, InOtherCurrency = other });
    }

    // The nearest change word before a percentage says whether it is a fall, if it is in the number's clause, a few words
    // before it, and names no level ("fell to 31%", "fell from 50%").
    private static bool Falls(string before)
    {
        Match? last = null;
        foreach (Match word in ChangeWord().Matches(before))
            last = word;
        if (last is null || !last.Groups["fall"].Success)
            return false;
        var between = before[(last.Index + last.Length)..];
        return !LevelAfterChange().IsMatch(between) && !ClauseBreak().IsMatch(between)
               && between.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= ChangeWordReach;
    }

    // A four-digit whole number from 1900 to 2100 without "$" is a year, never one end of a range of amounts.
    private static bool IsYear(Match number) =>
        !number.Groups["dollar"].Success && number.Groups["num"].Value is { Length: 4 } digits
        && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100;

    private static string Digits(string magnitude) =>
        magnitude.Replace(",", "").Replace("\u00A0", "").Replace("\u2009", "").Replace("\u202F", "");

    private static decimal? Parsed(string digits) =>
        decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static decimal? Percent(string digits) => Parsed(digits) / 100m;

    private static string Abbreviated(string abbreviation) => abbreviation.ToLowerInvariant() switch
    {
        "" => "",
        "k" => "thousand",
        "m" or "mn" or "mm" => "million",
        "b" or "bn" => "billion",
        _ => "trillion",
    };

    private static decimal Scale(string word) => word.ToLowerInvariant() switch
    {
        "" => 1m,
        "thousand" => 1_000m,
        "million" => 1_000_000m,
        "billion" => 1_000_000_000m,
        "trillion" => 1_000_000_000_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(word), word, null),
    };
}
