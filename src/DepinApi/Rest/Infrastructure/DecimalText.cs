using System.Globalization;

namespace DepinApi.Rest.Infrastructure;

/// <summary>Decimals as the API shows them: no trailing zeros from the column's scale (0.70000 is 0.7).</summary>
public static class DecimalText
{
    /// <summary>The same value with the smallest scale that represents it exactly.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static decimal? Normalize(decimal? value) => value is { } v ? Normalize(v) : null;

    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);
}
