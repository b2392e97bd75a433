using System.Globalization;
using System.Text.RegularExpressions;

namespace DepinApi.Import;

/// <summary>
/// The time a figure refers to, at the precision its source gives: a day <c>2026-06-01</c>, a
/// month <c>2025-10</c>, a quarter <c>2025Q3</c>, a year <c>2025</c>, or an interval
/// <c>2025-01/2025-09</c> whose ends are any of those. <see cref="Start"/> and <see cref="End"/>
/// are its first and last day, so figures of different precision can be filtered together.
/// </summary>
public sealed partial record Period(string Text, DateOnly Start, DateOnly End)
{
    public const string Expected = "a day (2026-06-01), month (2025-10), quarter (2025Q3), year (2025) or interval (2025-01/2025-09)";

    public static bool TryParse(string text, out Period? period, out string? error)
    {
        period = null;
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            if (!TryParseSingle(text, out var start, out var end))
                return Fail($"period must be {Expected}, got '{Shown.Value(text)}'", out error);
            period = new Period(text, start, end);
            error = null;
            return true;
        }
        if (!TryParseSingle(text[..slash], out var first, out _) || !TryParseSingle(text[(slash + 1)..], out _, out var last))
            return Fail($"period must be {Expected}, got '{Shown.Value(text)}'", out error);
        if (last < first)
            return Fail($"period interval ends before it starts, got '{Shown.Value(text)}'", out error);
        period = new Period(text, first, last);
        error = null;
        return true;
    }

    /// <summary>Parses <c>YYYYQn</c>; the error message names the expected shape and what was given.</summary>
    public static bool TryParseQuarter(string text, out int year, out int quarter, out string? error)
    {
        var match = QuarterPattern().Match(text);
        if (!match.Success)
        {
            (year, quarter) = (0, 0);
            return Fail($"quarter must be YYYYQn with n 1 to 4, got '{Shown.Value(text)}'", out error);
        }
        year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        quarter = match.Groups[2].Value[0] - '0';
        error = null;
        return true;
    }

    // Not "the first of the next month, less a day", which does not exist after December 9999.
    private static DateOnly LastDayOf(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static bool TryParseSingle(string text, out DateOnly start, out DateOnly end)
    {
        var invariant = CultureInfo.InvariantCulture;
        (start, end) = (default, default);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
        {
            (start, end) = (day, day);
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
        {
            (start, end) = (month, LastDayOf(month.Year, month.Month));
            return true;
        }
        if (TryParseQuarter(text, out var quarterYear, out var quarter, out _))
        {
            start = new DateOnly(quarterYear, 3 * quarter - 2, 1);
            end = LastDayOf(quarterYear, 3 * quarter);
            return true;
        }
        if (YearPattern().IsMatch(text))
        {
            var year = int.Parse(text, invariant);
            if (year < 1)
                return false;
            (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }
        return false;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }

    [GeneratedRegex(@"^([0-9]{4})Q([1-4])\z")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^[0-9]{4}\z")]
    private static partial Regex YearPattern();
}
