using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Errors;

/// <summary>
/// The 412 of a GET or HEAD whose <c>If-Match</c> names no entity tag of the current representation (RFC 9110
/// 13.1.1): the resource changed since the client read it (a new data version), or the tag was never its. The same
/// problem whoever evaluated the header: the REST API, or ASP.NET Core's file results and static files (their empty
/// 412 gets this body from <see cref="StatusCodeProblems"/>).
/// </summary>
public static class PreconditionFailed
{
    public const string ProblemType = "precondition-failed";

    public const string Title = "Precondition failed.";

    public static string Detail(string path) =>
        $"If-Match names no entity tag of the current representation of {path}: it has changed since, or the tag was never "
        + "its. GET it without If-Match for the current representation and its ETag.";

    /// <summary>The 412 of <paramref name="request"/>'s own URL, its path base included.</summary>
    public static ProblemHttpResult For(HttpRequest request) => For(request.PathBase.Add(request.Path).Value ?? "/");

    public static ProblemHttpResult For(string path) => Problems.Create(StatusCodes.Status412PreconditionFailed, ProblemType,
        Title, Detail(path), new Dictionary<string, object?> { ["path"] = path });

    /// <summary>
    /// A 412 names no trace: the output cache keeps a URL's 412 for each data version and gives it to every request whose
    /// If-Match fails there, so a <c>traceId</c> in it would name the first such request to all the others. Each answer's
    /// own <c>X-Request-Id</c> header names the request it answers.
    /// </summary>
    public static void OmitTraceId(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Status == StatusCodes.Status412PreconditionFailed)
            problem.Extensions.Remove("traceId");
    }

    /// <summary>
    /// The body of a 412 ASP.NET Core's file results or static files wrote without one. They leave the file's validators
    /// and caching on it, which describe no representation of the answer: with them, a shared cache could keep the 412
    /// (an IDE asset's <c>public, max-age=31536000</c>) and give it to requests without the failed If-Match.
    /// </summary>
    public static Task WriteAsync(HttpContext http, string path)
    {
        var headers = http.Response.Headers;
        headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.ETag);
        headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.LastModified);
        headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.CacheControl);
        return For(path).ExecuteAsync(http);
    }
}
