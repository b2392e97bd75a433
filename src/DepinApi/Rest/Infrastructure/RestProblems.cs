using DepinApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Infrastructure;

/// <summary>The REST API's problem responses (RFC 9457), each with a type documented in docs/errors.md.</summary>
public static class RestProblems
{
    /// <summary>400 for a parameter that cannot be used: names it, what was given and what is expected.</summary>
    public static ProblemHttpResult InvalidParameter(InvalidParameterException e)
    {
        var extensions = new Dictionary<string, object?> { ["parameter"] = e.Parameter, ["expected"] = e.Expected };
        if (e.Values is { } values)
            extensions["values"] = values;
        else
            extensions["value"] = e.Value;
        if (e.Known is not null)
            extensions["knownParameters"] = e.Known;
        // An unknown parameter always says whether one is near (null when none is); a value only when one is.
        if (e.Known is not null || e.Suggestion is not null)
            extensions["suggestion"] = e.Suggestion;
        // The title quotes the parameter's name, which can be 30,000 characters of a request line: cut shorter than the
        // detail and the members that repeat it (Problems.Create), since a title is a one-line summary.
        return Problems.Create(StatusCodes.Status400BadRequest, e.ProblemType, e.ProblemType switch
        {
            "invalid-cursor" => "The cursor is not valid.",
            "unknown-parameter" when e.Parameter.Length == 0 => "A query parameter has no name.",
            "unknown-parameter" => $"There is no parameter '{TitleQuote(e.Parameter)}'.",
            _ => $"The parameter '{TitleQuote(e.Parameter)}' is not valid.",
        }, e.Message, extensions);
    }

    /// <summary>
    /// 406 for an Accept header that accepts only a chart this query cannot draw: why not (the parameter and the 400
    /// <c>format=</c> would get) and the media types the request can be answered in.
    /// </summary>
    public static ProblemHttpResult NotAcceptable(HttpRequest request, NotAcceptableException e)
    {
        var available = e.Available.Count == 1 ? e.Available[0] : string.Join(", ", e.Available.SkipLast(1)) + " or " + e.Available[^1];
        return Problems.Create(StatusCodes.Status406NotAcceptable, "not-acceptable", "No acceptable representation.",
            $"The Accept header ({request.Headers.Accept}) accepts only images, and this query has no chart. {e.Why.Message} "
            + $"It can be had as {available}.",
            new Dictionary<string, object?> { ["path"] = request.Path.Value, ["parameter"] = e.Why.Parameter, ["available"] = e.Available });
    }

    private static string TitleQuote(string name) => GraphQLEngine.Utilities.QuotedText.Cut(name, 100);

    /// <summary>404 for a project slug that never existed; suggests the nearest ones (or, for an ambiguous name, each project it names).</summary>
    public static ProblemHttpResult UnknownProject(string slug, IReadOnlyList<string> suggestions) =>
        Problems.Create(StatusCodes.Status404NotFound, "project-not-found", "No such project.",
            suggestions.Count == 0
                ? $"No project has the slug '{slug}'. GET /v1/projects lists them."
                : $"No project has the slug '{slug}'. Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}? GET /v1/projects lists them.",
            new Dictionary<string, object?>
            {
                ["parameter"] = "slug",
                ["value"] = slug,
                ["suggestion"] = suggestions.Count == 0 ? null : suggestions[0],
                ["suggestions"] = suggestions,
            });

    /// <summary>404 for a resource other than a project (a figure, a source, a quarter without figures).</summary>
    public static ProblemHttpResult NotFound(string type, string title, string detail,
        IDictionary<string, object?>? extensions = null) =>
        Problems.Create(StatusCodes.Status404NotFound, type, title, detail, extensions);

    /// <summary>404 when <c>asOf</c> (or <paramref name="parameter"/>) names no data version; the detail says which exist.</summary>
    public static ProblemHttpResult DataVersionNotFound(string parameter, string value, string detail) =>
        Problems.Create(StatusCodes.Status404NotFound, "data-version-not-found", $"No data version matches {parameter}.", detail,
            new Dictionary<string, object?> { ["parameter"] = parameter, ["value"] = value });

    /// <summary>400 for a response that would be larger than <c>Rest:MaxResponseBytes</c>: ask for less, page by page.</summary>
    public static ProblemHttpResult ResponseTooLarge(long limit) =>
        Problems.Create(StatusCodes.Status400BadRequest, "response-too-large", "The response would be too large.",
            $"This response would be larger than {limit} bytes, the most one response may carry. Ask for less: a smaller " +
            "`limit`, following `page.next` (or the Link: rel=\"next\" header) for the rest; for a series, a narrower " +
            "`from`/`to` window, or `limit` and `cursor` with format=csv to get it page by page.",
            new Dictionary<string, object?> { ["maxResponseBytes"] = limit });
}
