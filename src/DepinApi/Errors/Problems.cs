using System.Collections.Frozen;
using GraphQLEngine.Utilities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Errors;

/// <summary>
/// RFC 9457 problem details with the project's problem types. Each <c>type</c> is a relative URI
/// under <c>/problems/</c>, documented in docs/errors.md.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "/problems/";

    // The extension members that repeat what the client sent: a parameter's name and value (a slug, an id) or each of
    // its values, the path.
    private static readonly FrozenSet<string> EchoMembers = FrozenSet.Create(StringComparer.Ordinal, "parameter", "value", "values", "path");

    public static ProblemHttpResult ServiceUnavailable(string type, string title, string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, type, title, detail);

    /// <summary>
    /// The most bytes a problem's JSON takes before the writer adds its <c>traceId</c>: with it, no problem is larger than
    /// 64 KiB, the bytes a point buys of a REST answer (<c>Rest:BytesPerPoint</c>'s default), so a problem, which is not
    /// charged by its size, costs its admission point however much of the request it repeats.
    /// </summary>
    public const int MaxBytes = 63 * 1024;

    // The shortest a quoted text is cut to when a problem is cut to fit MaxBytes; then a list of values is shortened.
    private const int ShortestQuote = 100;

    // The most bytes JSON writes for one UTF-16 code unit: an escape such as \u0001 (a control character, a character
    // outside ASCII, or one of the characters the default encoder escapes for HTML, such as < or ').
    private const int MostBytesPerCodeUnit = 6;

    private static readonly System.Text.Json.JsonSerializerOptions Measure = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <remarks>
    /// Every problem passes here, so this is where what a client sent is cut when it is long: the detail and the members
    /// that repeat it quote up to a request line's 32 KiB. Cut as a GraphQL message is (<see cref="QuotedText"/>), an
    /// error stays about a screenful and still says how long the whole was (docs/errors.md). A detail quotes a long
    /// value cut as its member does, so the rest of its sentence (what was expected) is still read; the detail as a
    /// whole is cut too, at twice that length, in case it quotes what no member repeats. Cut by characters, a problem
    /// can still be long in bytes: JSON writes a control character (<c>%01</c> in a query string) as a six-byte escape,
    /// and ten values of a parameter given ten times are each quoted twice, so 30 KB of query string made a 108 KB
    /// problem. When a problem would be larger than <see cref="MaxBytes"/>, every quote is cut shorter (to 2,000
    /// characters, then 1,000, … down to 125) and then a list of values keeps its first values only, until it fits.
    /// </remarks>
    public static ProblemHttpResult Create(int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = Build(status, type, title, detail, extensions, QuotedText.MaxMessageLength, int.MaxValue);
        if (!MayExceedMaxBytes(problem))
            return TypedResults.Problem(problem);
        var quote = QuotedText.MaxMessageLength;
        while (Bytes(problem) > MaxBytes && quote / 2 >= ShortestQuote)
        {
            quote /= 2;
            problem = Build(status, type, title, detail, extensions, quote, int.MaxValue);
        }
        for (var values = LongestList(extensions) / 2; Bytes(problem) > MaxBytes && values >= 1; values /= 2)
            problem = Build(status, type, title, detail, extensions, quote, values);
        return TypedResults.Problem(problem);
    }

    private static ProblemDetails Build(int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions, int quote, int values)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + type,
            Title = title,
            Detail = QuotedText.Cut(WithEchoesCut(detail, extensions, quote), 2 * quote),
        };
        if (extensions is not null)
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = EchoMembers.Contains(key) ? Echoed(value, quote, values) : value;
        return problem;
    }

    private static string WithEchoesCut(string detail, IDictionary<string, object?>? extensions, int quote)
    {
        if (extensions is null || detail.Length <= quote)
            return detail;
        foreach (var (key, value) in extensions)
        {
            if (!EchoMembers.Contains(key))
                continue;
            IEnumerable<string> texts = value switch { string one => [one], IEnumerable<string> many => many, _ => [] };
            foreach (var text in texts)
                if (text.Length > quote)
                    detail = detail.Replace(text, QuotedText.Cut(text, quote), StringComparison.Ordinal);
        }
        return detail;
    }

    private static object? Echoed(object? value, int quote, int values) => value switch
    {
        string text => QuotedText.Cut(text, quote),
        IEnumerable<string> texts => texts.Take(values).Select(text => QuotedText.Cut(text, quote)).ToArray(),
        _ => value,
    };

    // Whether the problem could be over MaxBytes were every character of its texts escaped: only then is it measured.
    private static bool MayExceedMaxBytes(ProblemDetails problem)
    {
        long units = (problem.Title?.Length ?? 0) + (problem.Detail?.Length ?? 0);
        foreach (var value in problem.Extensions.Values)
            units += value switch { string text => text.Length, IEnumerable<string> texts => texts.Sum(text => text.Length + 3L), _ => 0 };
        // Members that are not text (numbers, lists the server writes) are short.
        return units * MostBytesPerCodeUnit + 4096 > MaxBytes;
    }

    private static int Bytes(ProblemDetails problem) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(problem, Measure).Length;

    private static int LongestList(IDictionary<string, object?>? extensions) =>
        extensions?.Where(member => EchoMembers.Contains(member.Key))
            .Select(member => member.Value is not string && member.Value is IEnumerable<string> texts ? texts.Count() : 0)
            .DefaultIfEmpty(0).Max() ?? 0;
}
