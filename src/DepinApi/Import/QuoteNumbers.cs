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
/// Reads the numbers a sentence states, normalised the way the CSV files write them, so that a
/// row's value can be required to be one of them exactly (<see cref="StatedInQuoteRule"/>). Exact
/// decimal equality is the point: 32.8 million must not pass for "$32.7 million".
/// </summary>
internal static partial class QuoteNumbers
{
    // Thousands are grouped with commas, or with the no-break and thin spaces typesetting uses.
    private const string Magnitude = @"\d{1,3}(?:[,\u00A0\u2009\u202F]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

    // Not glued to a word ("5G", "GB200", "Q3", "V3.1" are names), nor joined to one by a hyphen ("COVID-19", "GPT-4").
    private const string NotInAName = @"(?<![\p{L}\d.,])(?<!\p{L}[-–])";

    // "35-40%", "91%-97%": both ends are percentages, and the dash is not a minus sign.
    [GeneratedRegex(NotInAName + @"(?<lo>\d+(?:\.\d+)?)\s*%?\s*[-–]\s*(?<hi>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex PercentRange();

    // A number, and how it is scaled: "$520 million", "78.55%", "10x", "15×", "440,000+", and dollars abbreviated as the
    // press writes them ("$4.2M", "$1.5 bn", "$4.5MM", "$500K"); without "$", "80B" is a name ("Qwen3-80B"). A number
    // followed by a decimal comma's digits ("1,5 million") is no figure: read as "1" it would pass for one.
    [GeneratedRegex(
        NotInAName + @"(?<neg>[-−])?(?<dollar>\$)?(?<num>" + Magnitude + @")(?![.,]\d)" +
        @"(?<pct>\s*%)?(?:\s+(?<scale>thousand|million|billion|trillion)\b)?(?:\s?(?<abbr>bn|mn|tn|mm|[kmbt]))?(?<x>[x×])?\+?(?![\p{L}\d])",
        RegexOptions.IgnoreCase)]
    private static partial Regex NumberToken();

    // The second end of a range that carries the scale for both: "$10-12 million", "$13 to $15 million", "between 3 and
    // 4 million". Its first end alone ("$10") is not what the sentence states.
    [GeneratedRegex(
        @"\G\s*(?:[-–]|to|(?<and>and))\s*\$?(?:" + Magnitude + @")(?:\s+(?<scale>thousand|million|billion|trillion)\b|\s?(?<abbr>bn|mn|tn|mm|[kmbt])(?![\p{L}\d]))",
        RegexOptions.IgnoreCase)]
    private static partial Regex SharedScale();

    [GeneratedRegex(@"\bbetween\s*\$?$", RegexOptions.IgnoreCase)]
    private static partial Regex Between();

    [GeneratedRegex(@"\b(?:doubl(?:e|ed|ing))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Doubling();

    // Words that make a percentage after them a fall ("down 78.55%", "evaporating 93.05%") or a rise ("rose 28%"); the
    // nearer one before the number decides, so "prices fell while usage rose 28%" is a rise.
    [GeneratedRegex(
        @"\b(?:(?<fall>down|fell|fall|falls|fallen|falling|drop|drops|dropp\w*|declin\w*|decreas\w*|evaporat\w*|reduc\w*|lost|los(?:e|es|ing)|loss\w*|plung\w*|shr[ai]nk\w*|shrunk|cut|slid\w*|slip\w*|tumbl\w*|sank|sink\w*|slump\w*|dip|dips|dipp\w*|crash\w*|collaps\w*|shed\w*|erod\w*|retreat\w*|negative|minus)" +
        @"|(?<rise>up|rose|rise|rises|rising|risen|grew|grow\w*|increas\w*|gain\w*|climb\w*|jump\w*|surg\w*|soar\w*|rebound\w*|accelerat\w*))\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ChangeWord();

    // "fell to 31%" names the level it fell to, not the size of the fall.
    [GeneratedRegex(@"\bto\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LevelAfterChange();

    // "26% lower": the word after the percentage makes it a fall.
    [GeneratedRegex(@"^\s*(?:lower|less|down)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FallAfter();

    private const int ChangeWordWindow = 40;

    public static IReadOnlyList<QuoteNumber> Extract(string quote) => Spellings(quote).Select(s => s.Number).ToList();

    /// <summary>
    /// Each number with the words that state it, without sign, "$" or "+": "520 million", "78.55%", "35-40%", "10x",
    /// "doubling" — what a citation must repeat to keep the source's precision and wording. In the order the sentence
    /// states them.
    /// </summary>
    public static IReadOnlyList<(QuoteNumber Number, string Text)> Spellings(string quote)
    {
        var found = new List<(int At, QuoteNumber Number, string Text)>();
        var masked = quote.ToCharArray();

        foreach (Match m in PercentRange().Matches(quote))
        {
            var range = m.Value;
            found.Add((m.Index, new QuoteNumber(Percent(m.Groups["lo"].Value), FigureKind.Percent), range));
            found.Add((m.Index, new QuoteNumber(Percent(m.Groups["hi"].Value), FigureKind.Percent), range));
            for (var i = m.Index; i < m.Index + m.Length; i++)
                masked[i] = ' ';
        }

        var text = new string(masked);
        var previousEnd = 0;
        foreach (Match m in NumberToken().Matches(text))
        {
            if (m.Groups["abbr"].Success && !m.Groups["dollar"].Success)
                continue;
            var magnitude = decimal.Parse(Digits(m.Groups["num"].Value), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var minus = m.Groups["neg"].Success;
            var spelled = m.Groups["num"].Value + m.Groups["pct"].Value
                          + (m.Groups["scale"].Success ? " " + m.Groups["scale"].Value : "") + m.Groups["abbr"].Value + m.Groups["x"].Value;

            if (m.Groups["pct"].Success)
            {
                var windowStart = Math.Max(previousEnd, m.Index - ChangeWordWindow);
                var falls = minus || Falls(text[windowStart..m.Index]) || FallAfter().IsMatch(text[(m.Index + m.Length)..]);
                var fraction = magnitude / 100m;
                found.Add((m.Index, new QuoteNumber(falls ? -fraction : fraction, FigureKind.Percent), spelled));
            }
            else
            {
                var scale = Scale(m.Groups["scale"].Value) * Scale(Abbreviated(m.Groups["abbr"].Value));
                if (scale == 1 && !m.Groups["x"].Success && SharedScale().Match(text, m.Index + m.Length) is { Success: true } shared
                    && (!shared.Groups["and"].Success || Between().IsMatch(text[..m.Index])))
                {
                    scale = Scale(shared.Groups["scale"].Value) * Scale(Abbreviated(shared.Groups["abbr"].Value));
                    spelled += " " + (shared.Groups["scale"].Success ? shared.Groups["scale"].Value : shared.Groups["abbr"].Value);
                }
                var value = magnitude * scale;
                found.Add((m.Index, new QuoteNumber(minus ? -value : value, FigureKind.Number), spelled));
                if (m.Groups["x"].Success)
                    found.Add((m.Index, new QuoteNumber(minus ? -value : value, FigureKind.Percent), spelled));
            }
            previousEnd = m.Index + m.Length;
        }

        if (Doubling().Match(quote) is { Success: true } doubling)
        {
            found.Add((doubling.Index, new QuoteNumber(2m, FigureKind.Number), doubling.Value));
            found.Add((doubling.Index, new QuoteNumber(2m, FigureKind.Percent), doubling.Value));
        }

        return found.OrderBy(f => f.At).Select(f => (f.Number, f.Text)).ToList();
    }

    public static bool Appears(string quote, decimal value, FigureKind kind) =>
        Extract(quote).Any(n => n.Kind == kind && n.Value == value);

    // The nearest change word before a percentage says whether it is a fall, unless it names the level reached ("to").
    private static bool Falls(string before)
    {
        Match? last = null;
        foreach (Match word in ChangeWord().Matches(before))
            last = word;
        return last is not null && last.Groups["fall"].Success && !LevelAfterChange().IsMatch(before[(last.Index + last.Length)..]);
    }

    private static string Digits(string magnitude) =>
        magnitude.Replace(",", "").Replace("\u00A0", "").Replace("\u2009", "").Replace("\u202F", "");

    private static decimal Percent(string s) =>
        decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) / 100m;

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
