using System.Globalization;
using System.Runtime.CompilerServices;
using DepinApi.ReadModel;

namespace DepinApi.Rest.Citations;

/// <summary>
/// The words of a citation: amounts as prose writes them ("$32.7 million", "$3.5 trillion"), every digit the source
/// gave kept ("$2.0463", never "$2.05"), periods ("Q2 2025", "as reported in early 2026"), qualifiers as the source
/// words them ("more than doubling", "down more than 90%"). English, invariant formatting, so a citation reads the
/// same on every server.
/// </summary>
public static class CitationText
{
    // The invariant culture names months in English, and it is the only one a globalization-invariant build has.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    // Every digit a decimal can hold, and none it does not (no trailing zeros).
    private const string AllDigits = "#,0.############################";

    private static readonly (decimal Size, string Word)[] Scales =
    [
        (1_000_000_000_000m, "trillion"),
        (1_000_000_000m, "billion"),
        (1_000_000m, "million"),
    ];

    public static string Money(decimal amount) => (amount < 0 ? "-" : "") + "$" + Number(Math.Abs(amount));

    /// <summary>A fraction as a percentage with all its digits: 0.7 → "70%", 0.145 → "14.5%".</summary>
    public static string Percent(decimal fraction) => Infrastructure.DecimalText.Format(fraction * 100m) + "%";

    /// <summary>A count or amount: "150", "440,000", "1.5 billion"; millions and up take a scale word, as prose writes them.</summary>
    public static string Number(decimal value)
    {
        var abs = Math.Abs(value);
        var sign = value < 0 ? "-" : "";
        foreach (var (size, word) in Scales)
        {
            if (abs >= size)
                return $"{sign}{(abs / size).ToString(AllDigits, English)} {word}";
        }
        return sign + abs.ToString(AllDigits, English);
    }

    /// <summary>A multiple: 10 → "10x"; 2 → "doubling" when the source says so.</summary>
    public static string Multiple(decimal value, string quote) =>
        value == 2m && quote.Contains("doubl", StringComparison.OrdinalIgnoreCase) ? "doubling" : Number(value) + "x";

    /// <summary>
    /// A stated number with its qualifier, as the source reads: "about $520 million", "more than doubling", "10x or
    /// more", "up to 72%". <paramref name="quote"/> chooses between synonyms the data model stores as one qualifier.
    /// </summary>
    public static string Qualified(string? qualifier, string number, string quote) => qualifier switch
    {
        null or "range" => number,
        "up_to" => "up to " + number,
        "over" when number.EndsWith('x') && quote.Contains(number + " or more", StringComparison.OrdinalIgnoreCase) => number + " or more",
        "over" when number == "doubling" || quote.Contains("more than", StringComparison.OrdinalIgnoreCase) => "more than " + number,
        _ => qualifier + " " + number,
    };

    /// <summary>
    /// A change as prose states it: "down 78.55%", "up more than 120%", never "over -90%" — a qualifier on a fall
    /// speaks of its size, as the source's "falling more than 90%" does.
    /// </summary>
    public static string Change(decimal fraction, string? qualifier, string quote) =>
        (fraction < 0 ? "down " : "up ") + Qualified(qualifier, Percent(Math.Abs(fraction)), quote);

    /// <summary>"quarterly_revenue" → "revenue", "usage_growth_yoy" → "year-over-year usage growth".</summary>
    public static string Metric(string metric) => MetricNames.Of(metric);

    public static string Quarter(Quarter quarter) => $"Q{quarter.Number} {quarter.Year}";

    public static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", English);

    /// <summary>A seed period as prose: "2025Q2" → "Q2 2025", "2025-10" → "October 2025", "a/b" → "a to b".</summary>
    public static string Period(string period)
    {
        var slash = period.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
            return $"{Period(period[..slash])} to {Period(period[(slash + 1)..])}";
        if (ReadModel.Quarter.TryParse(period, out var quarter))
            return Quarter(quarter);
        if (DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Date(day);
        if (DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return month.ToString("MMMM yyyy", English);
        return period;
    }

    /// <summary>
    /// A figure's period as the source gives it. A figure the article does not date carries the article's own period
    /// (seed-data/README.md, rule 4), which means "as reported then", not "measured then": an undated article's year
    /// reads "as reported in early 2026", and the day of a dated article reads "as of June 1, 2026".
    /// </summary>
    public static string Period(string period, Source source)
    {
        if (source.PublishedOn is null && period.Length == 4 && source.PublishedLabel.Contains(period, StringComparison.Ordinal))
            return "as reported in " + source.PublishedLabel;
        if (source.PublishedOn is { } published && period == published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            return "as of " + Date(published);
        return Period(period);
    }

    /// <summary>"Source: BlockEden.xyz, “Title”, early 2026."</summary>
    public static string SourceSentence(Source source) =>
        // A read session hands every figure of one source the same instance, so a long series writes the sentence once.
        SourceSentences.GetValue(source, s => $"Source: {s.Publisher}, “{s.Title}”, {s.PublishedLabel}.");

    private static readonly ConditionalWeakTable<Source, string> SourceSentences = new();
}
