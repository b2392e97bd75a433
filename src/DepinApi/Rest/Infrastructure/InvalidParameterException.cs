namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// A query or route parameter that cannot be used as given. Parsers throw it and
/// <see cref="RestErrorFilter"/> turns it into a 400 problem naming the parameter and the
/// expected form, so handlers read as the happy path.
/// </summary>
public sealed class InvalidParameterException(string parameter, string expected, string? value, string? detail = null)
    : Exception(detail ?? DefaultDetail(parameter, expected, value))
{
    /// <summary>The parameter's name as the client wrote it (e.g. <c>quarter</c>).</summary>
    public string Parameter { get; } = parameter;

    /// <summary>What would have been accepted, in words a client can act on.</summary>
    public string Expected { get; } = expected;

    /// <summary>The value received, or null when it was missing (or given more than once: see <see cref="Values"/>).</summary>
    public string? Value { get; } = value;

    /// <summary>For a parameter given more than once: each value as sent, in order, none of which stands for the others.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The problem type under /problems/; cursors have their own so clients can restart paging.</summary>
    public string ProblemType { get; init; } = "invalid-parameter";

    /// <summary>For an unknown parameter: the ones the endpoint has.</summary>
    public IReadOnlyList<string>? Known { get; init; }

    /// <summary>
    /// For an unknown parameter, or a value outside its parameter's list: the nearest known one, when one is close
    /// (<see cref="NearestNames"/>).
    /// </summary>
    public string? Suggestion { get; init; }

    private static string DefaultDetail(string parameter, string expected, string? value) =>
        Describe(QueryParsing.Parameter, parameter, expected, value);

    /// <summary>
    /// The detail of a refused input: <paramref name="noun"/> is what the API calls it (REST's "parameter",
    /// GraphQL's "argument"), so both say it in the same words.
    /// </summary>
    public static string Describe(string noun, string parameter, string expected, string? value) => value is null
        ? $"The {noun} '{parameter}' is required; expected {expected}."
        : $"The {noun} '{parameter}' is '{value}'; expected {expected}.";
}
