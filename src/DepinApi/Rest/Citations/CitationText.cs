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

    /// <summary>A buffer that formats as the Append methods expect (invariant, English month names).</summary>
    public static DefaultInterpolatedStringHandler Buffer(Span<char> initial) => new(0, 0, English, initial);

    // A long series cites thousands of figures in one response. The Append methods write a part of a sentence into the
    // sentence's own buffer, so that a citation allocates its final text and no string for each part; the string
    // methods return the same text on its own.
    public static string Money(decimal amount)
    {
        var text = Buffer(stackalloc char[64]);
        AppendMoney(ref text, amount);
        return text.ToStringAndClear();
    }

    public static void AppendMoney(ref DefaultInterpolatedStringHandler text, decimal amount)
    {
        if (amount < 0)
            text.AppendLiteral("-");
        text.AppendLiteral("$");
        AppendNumber(ref text, Math.Abs(amount));
    }

    /// <summary>A fraction as a percentage with all its digits: 0.7 → "70%", 0.145 → "14.5%".</summary>
    public static string Percent(decimal fraction)
    {
        var text = Buffer(stackalloc char[64]);
        AppendPercent(ref text, fraction);
        return text.ToStringAndClear();
    }

    public static void AppendPercent(ref DefaultInterpolatedStringHandler text, decimal fraction)
    {
        text.AppendFormatted(Infrastructure.DecimalText.Normalize(fraction * 100m));
        text.AppendLiteral("%");
    }

    /// <summary>
    /// A share this API computes, always to four decimals of a per cent (its six decimals as a fraction): 0.04878 →
    /// "4.8780%", 0.634146 → "63.4146%", so the shares of one list read alike.
    /// </summary>
    public static string SharePercent(decimal fraction) =>
        (Math.Round(fraction, 6, MidpointRounding.AwayFromZero) * 100m).ToString("0.0000", English) + "%";

    /// <summary>
    /// A number computed from figures (a sum, a share) as approximate as they are: "about $820 million" when any figure it
    /// is computed from is qualified ("about", "over" …), the number alone when all are stated plainly.
    /// </summary>
    public static string Computed(string number, bool fromQualifiedFigures) => fromQualifiedFigures ? "about " + number : number;

    /// <summary>A count or amount: "150", "440,000", "1.5 billion"; millions and up take a scale word, as prose writes them.</summary>
    public static string Number(decimal value)
    {
        var text = Buffer(stackalloc char[64]);
        AppendNumber(ref text, value);
        return text.ToStringAndClear();
    }

    public static void AppendNumber(ref DefaultInterpolatedStringHandler text, decimal value)
    {
        var abs = Math.Abs(value);
        if (value < 0)
            text.AppendLiteral("-");
        foreach (var (size, word) in Scales)
        {
            if (abs >= size)
            {
                text.AppendFormatted(abs / size, AllDigits);
                text.AppendLiteral(" ");
                text.AppendLiteral(word);
                return;
            }
        }
        text.AppendFormatted(abs, AllDigits);
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
        // The one case AppendQualified writes in place.
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
    public static string Change(decimal fraction, string? qualifier, string quote)
    {
        var text = Buffer(stackalloc char[64]);
        AppendChange(ref text, fraction, qualifier, quote);
        return text.ToStringAndClear();
    }

    public static void AppendChange(ref DefaultInterpolatedStringHandler text, decimal fraction, string? qualifier, string quote)
    {
        text.AppendLiteral(fraction < 0 ? "down " : "up ");
        AppendQualified(ref text, qualifier, Math.Abs(fraction), QualifiedNumber.Percent, quote);
    }

    /// <summary>What kind of number <see cref="AppendQualified"/> writes.</summary>
    public enum QualifiedNumber
    {
        Money,
        Percent,
    }

    /// <summary><see cref="Qualified"/> of <see cref="Money"/> or <see cref="Percent"/>, written into <paramref name="text"/>.</summary>
    public static void AppendQualified(ref DefaultInterpolatedStringHandler text, string? qualifier, decimal value, QualifiedNumber kind,
        string quote)
    {
        if (qualifier is null or "range")
        {
            if (kind == QualifiedNumber.Money)
                AppendMoney(ref text, value);
            else
                AppendPercent(ref text, value);
            return;
        }
        text.AppendFormatted(Qualified(qualifier, kind == QualifiedNumber.Money ? Money(value) : Percent(value), quote));
    }

    /// <summary>"quarterly_revenue" → "revenue", "usage_growth_yoy" → "year-over-year usage growth".</summary>
    public static string Metric(string metric) => MetricNames.Of(metric);

    public static string Quarter(Quarter quarter) => $"Q{quarter.Number} {quarter.Year}";

    /// <summary>
    /// The period of a revenue figure as its citation, card, chart and pages all word it: a quarter is the period of a
    /// quarterly figure; a fiscal year sits in its fourth quarter; an annualized or monthly figure is a rate measured at
    /// some point of its quarter, so it is "as of" that quarter, never a total of it.
    /// </summary>
    public static string RevenuePeriod(string metric, Quarter quarter) => metric switch
    {
        "fiscal_year_revenue" => $"full year {quarter.Year}",
        "quarterly_revenue" or "lease_income" or "network_fee_revenue" => Quarter(quarter),
        _ => "as of " + Quarter(quarter),
    };

    /// <summary><see cref="RevenuePeriod(string, ReadModel.Quarter)"/> of a quarter as the views write it ("2025Q3").</summary>
    public static string RevenuePeriod(string metric, string quarter) =>
        ReadModel.Quarter.TryParse(quarter, out var parsed) ? RevenuePeriod(metric, parsed) : Period(quarter);

    public static string Date(DateOnly date) => date.ToString(DateFormat, English);

    /// <summary>
    /// The day of a dated figure (a price, a settlement mix) as its citation and card word it: the day itself, or, when
    /// the figure took its article's own date because the article does not date it (seed-data/README.md, rule 4),
    /// "as of June 1, 2026", as <see cref="Period(string, Source)"/> words such a period.
    /// </summary>
    /// <param name="published">The day the figure's source was published, if it gives one.</param>
    public static string Day(DateOnly date, DateOnly? published) => date == published ? AsOf + Date(date) : Date(date);

    /// <summary><see cref="Day(DateOnly, DateOnly?)"/> written into <paramref name="text"/>.</summary>
    public static void AppendDay(ref DefaultInterpolatedStringHandler text, DateOnly date, DateOnly? published)
    {
        if (date == published)
            text.AppendLiteral(AsOf);
        text.AppendFormatted(date, DateFormat);
    }

    private const string AsOf = "as of ";

    private const string DateFormat = "MMMM d, yyyy";

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
        if (IsArticlePeriod(period, source))
            return "as reported in " + source.PublishedLabel;
        if (source.PublishedOn is { } published && period == published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            return AsOf + Date(published);
        return Period(period);
    }

    /// <summary>
    /// A period as short as a chart's axis needs it, still not presenting a stand-in as a date the source gave: an
    /// undated article's year reads "reported early 2026", any other period its seed spelling ("2025Q2", "2025-10").
    /// </summary>
    public static string AxisPeriod(string period, Source source) =>
        IsArticlePeriod(period, source) ? "reported " + source.PublishedLabel : period;

    // The year of an article that gives no day, which an undated figure of it carries (seed-data/README.md, rule 4).
    private static bool IsArticlePeriod(string period, Source source) =>
        source.PublishedOn is null && period.Length == 4 && source.PublishedLabel.Contains(period, StringComparison.Ordinal);

    /// <summary>
    /// <see cref="Period(string, Source)"/> of a figure of <paramref name="metric"/>: an annualized rate in a quarter is
    /// "as of" that quarter, never its total, as <see cref="RevenuePeriod(string, ReadModel.Quarter)"/> words a revenue rate.
    /// </summary>
    public static string Period(string period, Source source, string metric) =>
        metric.Contains("annualized", StringComparison.Ordinal) && ReadModel.Quarter.TryParse(period, out var quarter)
            ? AsOf + Quarter(quarter)
            : Period(period, source);

    /// <summary>"Source: BlockEden.xyz, “Title”, early 2026."</summary>
    public static string SourceSentence(Source source) =>
        // A read session hands every figure of one source the same instance, so a long series writes the sentence once.
        SourceSentences.GetValue(source, s => $"Source: {s.Publisher}, “{s.Title}”, {s.PublishedLabel}.");

    private static readonly ConditionalWeakTable<Source, string> SourceSentences = new();
}
