using System.Globalization;
using DepinApi.ReadModel;

namespace DepinApi.Rest.Citations;

/// <summary>
/// The words of a citation: amounts as prose writes them ("$32.7 million"), periods ("Q2 2025",
/// "June 1, 2026"), qualifiers ("about", "up to"), metric names ("annualized run rate").
/// English, invariant formatting, so a citation reads the same on every server.
/// </summary>
public static class CitationText
{
    // The invariant culture names months in English, and it is the only one a globalization-invariant build has.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Money(decimal amount)
    {
        var abs = Math.Abs(amount);
        var sign = amount < 0 ? "-" : "";
        if (abs >= 1_000_000_000m)
            return $"{sign}${(abs / 1_000_000_000m).ToString("0.###", CultureInfo.InvariantCulture)} billion";
        if (abs >= 1_000_000m)
            return $"{sign}${(abs / 1_000_000m).ToString("0.###", CultureInfo.InvariantCulture)} million";
        if (abs >= 1m)
            return sign + "$" + abs.ToString(abs == decimal.Truncate(abs) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        return sign + "$" + Infrastructure.DecimalText.Format(abs);
    }

    /// <summary>A fraction as a percentage: 0.7 → "70%", -0.7855 → "-78.55%".</summary>
    public static string Percent(decimal fraction, bool showPlus = false)
    {
        var text = Infrastructure.DecimalText.Format(fraction * 100m) + "%";
        return showPlus && fraction > 0 ? "+" + text : text;
    }

    public static string Number(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("#,0", CultureInfo.InvariantCulture) : Infrastructure.DecimalText.Format(value);

    public static string Qualifier(string? qualifier) => qualifier switch
    {
        null => "",
        "up_to" => "up to ",
        "range" => "",
        _ => qualifier + " ",
    };

    /// <summary>"quarterly_revenue" → "quarterly revenue"; a few metrics read better named otherwise.</summary>
    public static string Metric(string metric) => metric switch
    {
        "quarterly_revenue" => "revenue",
        "fiscal_year_revenue" => "revenue",
        "annualized_onchain_revenue" => "annualized on-chain revenue",
        _ => metric.Replace('_', ' '),
    };

    public static string Quarter(Quarter quarter) => $"Q{quarter.Number} {quarter.Year}";

    public static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", English);

    /// <summary>A seed period as prose: "2025Q2" → "Q2 2025", "2025-10" → "October 2025", "a/b" → "a to b".</summary>
    public static string Period(string period)
    {
        var slash = period.IndexOf('/');
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

    /// <summary>"Source: BlockEden.xyz, “Title”, early 2026."</summary>
    public static string SourceSentence(Source source) => $"Source: {source.Publisher}, “{source.Title}”, {source.PublishedLabel}.";
}
