using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Error;
using GraphQLEngine.Utilities;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// An argument GraphQL refuses where REST refuses its parameter with a 400 <c>invalid-parameter</c> (a range whose
/// start is after its end, a metric no figure states), so that a misspelling never reads as "no data". The words are
/// REST's (<see cref="QueryParsing"/>, <see cref="InvalidParameterException"/>), with "argument" for "parameter"; the
/// error is the field's, with <c>extensions</c> naming the argument, what was expected and the value given, as REST's
/// problem names <c>parameter</c>, <c>expected</c> and <c>value</c>.
/// </summary>
internal static class InvalidArgument
{
    public const string Code = "INVALID_ARGUMENT";

    /// <summary>
    /// The most characters of a client's value an error quotes, in its message and in <c>extensions.value</c>. Shorter
    /// than REST's 4,000 (<see cref="QuotedText.MaxMessageLength"/>): a REST problem is one per request and never larger
    /// than 64 KiB (<see cref="Errors.Problems.MaxBytes"/>), where one variable given to thirty aliases is thirty field errors, and an operation's response holds at most
    /// 2,048 bytes per point charged (docs/graphql.md). Escaped as JSON, a character of the value takes up to 12 bytes.
    /// </summary>
    public const int QuotedValueLength = 64;

    public static GraphQLError Error(InvalidParameterException refused)
    {
        var value = refused.Value;
        var quoted = value is null ? null : QuotedText.Cut(value, QuotedValueLength);
        // The message quotes the value whole, between the quotes InvalidParameterException.Describe puts around it.
        var message = value is null || ReferenceEquals(quoted, value)
            ? refused.Message
            : refused.Message.Replace($"'{value}'", $"'{quoted}'", StringComparison.Ordinal);
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = Code,
            ["argument"] = refused.Parameter,
            ["expected"] = refused.Expected,
            ["value"] = quoted,
        };
        // As REST's problem carries it: only when a known value is near.
        if (refused.Suggestion is not null)
            extensions["suggestion"] = refused.Suggestion;
        return new(message, extensions: extensions);
    }

    /// <summary>Refuses a range whose start lies after its end, naming the start (REST's <c>from</c> after <c>to</c>).</summary>
    /// <exception cref="GraphQLError">The range is out of order.</exception>
    public static void InOrder<T>(string fromArgument, T? from, string toArgument, T? to) where T : struct, IComparable<T>
    {
        if (QueryParsing.OutOfOrder(fromArgument, from, toArgument, to, QueryParsing.Argument) is { } refused)
            throw Error(refused);
    }
}
