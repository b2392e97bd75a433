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

    /// <summary>What REST calls an input in a refusal's detail.</summary>
    public const string Parameter = "parameter";

    /// <summary>What GraphQL calls an input in a refusal's message.</summary>
    public const string Argument = "argument";

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
        return NotOneOf(parameter, value, allowed) is { } refused ? throw refused : value;
    }

    /// <summary>
    /// The refusal of <paramref name="value"/> when it is not one of <paramref name="allowed"/>, naming them (in the
    /// words of <paramref name="expected"/> when given) and the nearest as <c>suggestion</c>; null when it is.
    /// <paramref name="noun"/> is what the API calls the input in its detail: REST's "parameter", GraphQL's "argument".
    /// </summary>
    public static InvalidParameterException? NotOneOf(string parameter, string value, IReadOnlyCollection<string> allowed,
        string noun = Parameter, string? expected = null)
    {
        if (allowed.Contains(value))
            return null;
        expected ??= OneOfText(allowed);
        var suggestion = NearestNames.Nearest(value, allowed);
        return new InvalidParameterException(parameter, expected, value,
            InvalidParameterException.Describe(noun, parameter, expected, value) + DidYouMean(suggestion))
        { Suggestion = suggestion };
    }

    /// <summary>
    /// What a closed list expects, in words. A list read from the data (the network metrics a data version states) can
    /// be empty, and "one of " followed by nothing would tell a client nothing.
    /// </summary>
    public static string OneOfText(IReadOnlyCollection<string> allowed) =>
        allowed.Count == 0 ? "no value: the data version read states none" : "one of " + string.Join(", ", allowed);

    /// <summary>The end of a refusal's detail that names the nearest known value, or nothing when none is close.</summary>
    public static string DidYouMean(string? suggestion) => suggestion is null ? "" : $" Did you mean '{suggestion}'?";

    /// <summary>A comma-separated list of values from <paramref name="allowed"/> ("a,b"), or null.</summary>
    public static IReadOnlyCollection<string>? ListOf(string parameter, string? value, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        foreach (var item in items)
            if (!allowed.Contains(item))
            {
                var suggestion = NearestNames.Nearest(item, allowed);
                throw new InvalidParameterException(parameter,
                    "one or more (comma-separated) of " + string.Join(", ", allowed), value,
                    $"The parameter '{parameter}' names '{item}', which is not one of {string.Join(", ", allowed)}.{DidYouMean(suggestion)}")
                { Suggestion = suggestion };
            }
        return items.Distinct(StringComparer.Ordinal).ToArray();
    }

    public static T? Required<T>(string parameter, T? value, string expected) where T : struct =>
        value ?? throw new InvalidParameterException(parameter, expected, null);

    public static string Required(string parameter, string? value, string expected) =>
        string.IsNullOrEmpty(value) ? throw new InvalidParameterException(parameter, expected, null) : value;

    /// <summary>Refuses a range whose start lies after its end, naming the start.</summary>
    public static void InOrder<T>(string fromParameter, T? from, string toParameter, T? to) where T : struct, IComparable<T>
    {
        if (OutOfOrder(fromParameter, from, toParameter, to) is { } refused)
            throw refused;
    }

    /// <summary>
    /// The refusal of a range whose start lies after its end, naming the start; null when it is in order (or open).
    /// <paramref name="noun"/> is what the API calls the input in its detail: REST's "parameter", GraphQL's "argument".
    /// </summary>
    public static InvalidParameterException? OutOfOrder<T>(string fromParameter, T? from, string toParameter, T? to,
        string noun = Parameter) where T : struct, IComparable<T>
    {
        if (from is not { } start || to is not { } end || start.CompareTo(end) <= 0)
            return null;
        return new InvalidParameterException(fromParameter, $"a value not after '{toParameter}' ({AsWritten(end)})",
            AsWritten(start),
            $"The {noun} '{fromParameter}' ({AsWritten(start)}) is after '{toParameter}' ({AsWritten(end)}); expected {fromParameter} <= {toParameter}.");
    }

    // As the parameters are written: the invariant culture would write a date as 06/02/2026.
    private static string? AsWritten<T>(T value) =>
        value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture);
}
