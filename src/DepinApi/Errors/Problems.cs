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

    /// <remarks>
    /// Every problem passes here, so this is where what a client sent is cut when it is long: the detail and the members
    /// that repeat it quote up to a request line's 32 KiB. Cut as a GraphQL message is (<see cref="QuotedText"/>), an
    /// error stays about a screenful and still says how long the whole was (docs/errors.md). A detail quotes a long
    /// value cut as its member does, so the rest of its sentence (what was expected) is still read; the detail as a
    /// whole is cut too, at twice that length, in case it quotes what no member repeats.
    /// </remarks>
    public static ProblemHttpResult Create(int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = TypePrefix + type, Title = title, Detail = DetailCut(WithEchoesCut(detail, extensions)) };
        if (extensions is not null)
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = EchoMembers.Contains(key) ? Echoed(value) : value;
        return TypedResults.Problem(problem);
    }

    private static string DetailCut(string detail) => QuotedText.Cut(detail, 2 * QuotedText.MaxMessageLength);

    private static string WithEchoesCut(string detail, IDictionary<string, object?>? extensions)
    {
        if (extensions is null || detail.Length <= QuotedText.MaxMessageLength)
            return detail;
        foreach (var (key, value) in extensions)
        {
            if (!EchoMembers.Contains(key))
                continue;
            IEnumerable<string> texts = value switch { string one => [one], IEnumerable<string> many => many, _ => [] };
            foreach (var text in texts)
                if (text.Length > QuotedText.MaxMessageLength)
                    detail = detail.Replace(text, Quoted(text), StringComparison.Ordinal);
        }
        return detail;
    }

    private static object? Echoed(object? value) => value switch
    {
        string text => Quoted(text),
        IEnumerable<string> texts => texts.Select(Quoted).ToArray(),
        _ => value,
    };

    /// <summary><paramref name="text"/>, which quotes what a client sent, cut by the rule every error message follows.</summary>
    public static string Quoted(string text) => QuotedText.Cut(text, QuotedText.MaxMessageLength);
}
