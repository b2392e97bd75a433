using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Error;

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

    public static GraphQLError Error(InvalidParameterException refused) =>
        new(refused.Message, extensions: new Dictionary<string, object?>
        {
            ["code"] = Code,
            ["argument"] = refused.Parameter,
            ["expected"] = refused.Expected,
            // Cut as REST's problem cuts it (Problems.Create): the argument can be a 256 KiB request's worth of text.
            ["value"] = refused.Value is null ? null : Errors.Problems.Quoted(refused.Value),
        });

    /// <summary>Refuses a range whose start lies after its end, naming the start (REST's <c>from</c> after <c>to</c>).</summary>
    /// <exception cref="GraphQLError">The range is out of order.</exception>
    public static void InOrder<T>(string fromArgument, T? from, string toArgument, T? to) where T : struct, IComparable<T>
    {
        if (QueryParsing.OutOfOrder(fromArgument, from, toArgument, to, QueryParsing.Argument) is { } refused)
            throw Error(refused);
    }
}
