using System.Globalization;
using System.Text.RegularExpressions;

namespace DepinApi.Import;

/// <summary>
/// A plain decimal (<c>-12.5</c>; no separators, units, signs other than a leading minus, or
/// exponent) within optional bounds. Precision and scale mirror the column's <c>numeric(p,s)</c>,
/// so a value Postgres would round is refused instead: a rounded value would differ from the
/// file at every later import and look like a change.
/// </summary>
internal sealed partial class DecimalField(
    decimal? min = null,
    decimal? max = null,
    int? precision = null,
    int? scale = null) : ScalarFieldType(DbType.Numeric)
{
    public override FieldValue Parse(string column, string text)
    {
        if (!PlainDecimal().IsMatch(text))
            return FieldValue.Invalid($"{column} must be a plain decimal number like 1234.5 (no thousands separators, units or exponent), got '{Shown.Value(text)}'");
        // decimal holds 28 or 29 significant digits and rounds the rest away without a word: refused, not rounded.
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value.ToString(CultureInfo.InvariantCulture) != Canonical(text))
            return FieldValue.Invalid($"{column} has more digits than can be kept exactly (at most 28 significant digits), got '{Shown.Value(text)}'");
        if (min is { } low && max is { } high && (value < low || value > high))
            return FieldValue.Invalid($"{column} must be between {Format(low)} and {Format(high)}, got '{Shown.Value(text)}'");
        if (min is { } least && value < least)
            return FieldValue.Invalid($"{column} must be at least {Format(least)}, got '{Shown.Value(text)}'");
        if (max is { } most && value > most)
            return FieldValue.Invalid($"{column} must be at most {Format(most)}, got '{Shown.Value(text)}'");
        if (scale is { } s && decimal.Round(value, s) != value)
            return FieldValue.Invalid($"{column} allows at most {s} decimal places, got '{Shown.Value(text)}'");
        if (precision is { } p && Math.Abs(decimal.Truncate(value)) >= Pow10(p - (scale ?? 0)))
            return FieldValue.Invalid($"{column} allows at most {p - (scale ?? 0)} digits before the decimal point, got '{Shown.Value(text)}'");
        return FieldValue.Of(value);
    }

    // The text as decimal writes the value it parsed from it: no leading zeros, no minus on a zero.
    private static string Canonical(string text)
    {
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        var point = digits.IndexOf('.');
        var integer = (point < 0 ? digits : digits[..point]).TrimStart('0');
        var canonical = (integer.Length == 0 ? "0" : integer) + (point < 0 ? "" : digits[point..]);
        return negative && canonical.Any(c => c is >= '1' and <= '9') ? "-" + canonical : canonical;
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?\z")]
    private static partial Regex PlainDecimal();
}
