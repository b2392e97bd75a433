using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DepinApi.ReadModel;

/// <summary>
/// A point in the API's history: either a data version ("3") or a calendar day ("2026-01-15"),
/// which means the data as the API served it at the end of that UTC day.
/// </summary>
public readonly record struct AsOf
{
    /// <summary>The expected form, for error messages.</summary>
    public const string Format = "a data version number (e.g. 3) or a date YYYY-MM-DD (the data as served at the end of that UTC day)";

    private AsOf(int? version, DateOnly? date) => (Version, Date) = (version, date);

    public int? Version { get; }
    public DateOnly? Date { get; }

    public static AsOf ForVersion(int version) => new(version, null);
    public static AsOf ForDate(DateOnly date) => new(null, date);

    public static bool TryParse([NotNullWhen(true)] string? text, out AsOf asOf)
    {
        asOf = default;
        if (string.IsNullOrEmpty(text))
            return false;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            asOf = ForVersion(version);
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            asOf = ForDate(date);
            return true;
        }
        return false;
    }

    public override string ToString() =>
        Version?.ToString(CultureInfo.InvariantCulture) ?? Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
