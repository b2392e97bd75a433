using System.Globalization;

namespace DepinApi.Screening;

/// <summary>How numbers are written in the arithmetic strings: invariant, no exponent, no trailing zeros.</summary>
internal static class Numbers
{
    /// <summary>The exact value, as few digits as it needs.</summary>
    public static string Exact(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A score: always two decimals.</summary>
    public static string Score(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An intermediate ratio shown to six decimals (the calculation itself keeps full precision).</summary>
    public static string Ratio(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero)
        .ToString("0.######", CultureInfo.InvariantCulture);
}
