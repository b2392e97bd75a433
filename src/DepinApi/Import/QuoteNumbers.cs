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
    // "35-40%": both ends are percentages, and the dash is not a minus sign.
    [GeneratedRegex(@"(?<![\p{L}\d.,])(?<lo>\d+(?:\.\d+)?)\s*[-–]\s*(?<hi>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex PercentRange();

    // A number not glued to a word ("5G", "GB200", "Q3", "V3.1" are names, not figures), but for an amount of dollars
    // abbreviated as the press writes it ("$4.2M", "$1.5bn", "$500K"); without "$", "80B" is a name ("Qwen3-80B").
    [GeneratedRegex(
        @"(?<![\p{L}\d.,])(?<neg>[-−])?(?<dollar>\$)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)" +
        @"(?<pct>\s*%)?(?:\s+(?<scale>thousand|million|billion|trillion)\b)?(?<abbr>bn|mn|tn|[kmbt])?(?<x>x)?\+?(?![\p{L}\d])",
        RegexOptions.IgnoreCase)]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\b(?:doubl(?:e|ed|ing))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Doubling();

    // Words that make the percentage after them a fall: "down 78.55%", "evaporating 93.05%".
    [GeneratedRegex(
        @"\b(?:down|fell|fall|falls|fallen|falling|drop|drops|dropped|declin\w*|evaporat\w*|reduc\w*|lost|los(?:e|es|ing)|plung\w*|shrink\w*|cut)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex FallWord();

    private const int FallWordWindow = 40;

    public static IReadOnlyList<QuoteNumber> Extract(string quote) => Spellings(quote).Select(s => s.Number).ToList();

    /// <summary>
    /// Each number with the words that state it, without sign, "$" or "+": "520 million", "78.55%", "35-40%", "10x",
    /// "doubling" — what a citation must repeat to keep the source's precision and wording.
    /// </summary>
    public static IReadOnlyList<(QuoteNumber Number, string Text)> Spellings(string quote)
    {
        var found = new List<(QuoteNumber, string)>();
        var masked = quote.ToCharArray();

        foreach (Match m in PercentRange().Matches(quote))
        {
            var range = m.Value;
            found.Add((new QuoteNumber(Percent(m.Groups["lo"].Value), FigureKind.Percent), range));
            found.Add((new QuoteNumber(Percent(m.Groups["hi"].Value), FigureKind.Percent), range));
            for (var i = m.Index; i < m.Index + m.Length; i++)
                masked[i] = ' ';
        }

        var text = new string(masked);
        var previousEnd = 0;
        foreach (Match m in NumberToken().Matches(text))
        {
            if (m.Groups["abbr"].Success && !m.Groups["dollar"].Success)
                continue;
            var magnitude = decimal.Parse(m.Groups["num"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture);
            var minus = m.Groups["neg"].Success;
            var spelled = m.Groups["num"].Value + m.Groups["pct"].Value
                          + (m.Groups["scale"].Success ? " " + m.Groups["scale"].Value : "") + m.Groups["abbr"].Value + m.Groups["x"].Value;

            if (m.Groups["pct"].Success)
            {
                var windowStart = Math.Max(previousEnd, m.Index - FallWordWindow);
                var falls = minus || FallWord().IsMatch(text[windowStart..m.Index]);
                var fraction = magnitude / 100m;
                found.Add((new QuoteNumber(falls ? -fraction : fraction, FigureKind.Percent), spelled));
            }
            else
            {
                var value = magnitude * Scale(m.Groups["scale"].Value) * Scale(Abbreviated(m.Groups["abbr"].Value));
                found.Add((new QuoteNumber(minus ? -value : value, FigureKind.Number), spelled));
                if (m.Groups["x"].Success)
                    found.Add((new QuoteNumber(minus ? -value : value, FigureKind.Percent), spelled));
            }
            previousEnd = m.Index + m.Length;
        }

        if (Doubling().Match(quote) is { Success: true } doubling)
        {
            found.Add((new QuoteNumber(2m, FigureKind.Number), doubling.Value));
            found.Add((new QuoteNumber(2m, FigureKind.Percent), doubling.Value));
        }

        return found;
    }

    public static bool Appears(string quote, decimal value, FigureKind kind) =>
        Extract(quote).Any(n => n.Kind == kind && n.Value == value);

    private static decimal Percent(string s) =>
        decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) / 100m;

    private static string Abbreviated(string abbreviation) => abbreviation.ToLowerInvariant() switch
    {
        "" => "",
        "k" => "thousand",
        "m" or "mn" => "million",
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
