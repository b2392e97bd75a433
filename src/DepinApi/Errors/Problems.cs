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

    public static ProblemHttpResult ServiceUnavailable(string type, string title, string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, type, title, detail);

    public static ProblemHttpResult Create(int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = TypePrefix + type, Title = title, Detail = detail };
        if (extensions is not null)
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }
}
