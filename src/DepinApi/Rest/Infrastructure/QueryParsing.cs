using System.Globalization;
using DepinApi.ReadModel;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Parses query parameters taken as strings, so that every malformed value becomes a 400 that
/// names the parameter and the expected form (model binding would answer with a bare 400).
/// Each method returns null for an absent or empty parameter.
/// </summary>
public static class QueryParsing
{
    public const string DateFormat = "a date YYYY-MM-DD, e.g. 2026-06-01";

    public static Quarter? Quarter(string parameter, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        return ReadModel.Quarter.TryParse(value, out var quarter)
            ? quarter
            : throw new InvalidParameterException(parameter, ReadModel.Quarter.Format, value);
    }

    public static DateOnly? Date(string parameter, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidParameterException(parameter, DateFormat, value);
    }

    public static AsOf? AsOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        return ReadModel.AsOf.TryParse(value, out var asOf)
            ? asOf
            : throw new InvalidParameterException("asOf", ReadModel.AsOf.Format, value);
    }

    /// <summary>One of <paramref name="allowed"/> (compared exactly: the API's values are lower-case).</summary>
    public static string? OneOf(string parameter, string? value, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        return allowed.Contains(value)
            ? value
            : throw new InvalidParameterException(parameter, "one of " + string.Join(", ", allowed), value);
    }

    /// <summary>A comma-separated list of values from <paramref name="allowed"/> ("a,b"), or null.</summary>
    public static IReadOnlyCollection<string>? ListOf(string parameter, string? value, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        foreach (var item in items)
            if (!allowed.Contains(item))
                throw new InvalidParameterException(parameter,
                    "one or more (comma-separated) of " + string.Join(", ", allowed), value,
                    $"The parameter '{parameter}' names '{item}', which is not one of {string.Join(", ", allowed)}.");
        return items.Distinct(StringComparer.Ordinal).ToArray();
    }

    public static T? Required<T>(string parameter, T? value, string expected) where T : struct =>
        value ?? throw new InvalidParameterException(parameter, expected, null);

    public static string Required(string parameter, string? value, string expected) =>
        string.IsNullOrEmpty(value) ? throw new InvalidParameterException(parameter, expected, null) : value;

    /// <summary>Refuses a range whose start lies after its end, naming the start.</summary>
    public static void InOrder<T>(string fromParameter, T? from, string toParameter, T? to) where T : struct, IComparable<T>
    {
        if (from is { } start && to is { } end && start.CompareTo(end) > 0)
            throw new InvalidParameterException(fromParameter, $"a value not after '{toParameter}' ({AsWritten(end)})",
                AsWritten(start),
                $"The parameter '{fromParameter}' ({AsWritten(start)}) is after '{toParameter}' ({AsWritten(end)}); expected {fromParameter} <= {toParameter}.");
    }

    // As the parameters are written: the invariant culture would write a date as 06/02/2026.
    private static string? AsWritten<T>(T value) =>
        value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture);
}
