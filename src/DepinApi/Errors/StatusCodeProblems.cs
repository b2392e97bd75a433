using Microsoft.AspNetCore.Diagnostics;

namespace DepinApi.Errors;

/// <summary>
/// The bodies of responses that left the pipeline with an error status and no body. A request no route
/// matched gets the project's own 404 problem (whatever its Accept header: a browser's text/html
/// included), pointing at the index; every other case (405, a bodiless 4xx of an endpoint) gets
/// ASP.NET Core's problem details, as before.
/// </summary>
public static class StatusCodeProblems
{
    /// <summary>Where the API lists everything it serves.</summary>
    public const string IndexPath = "/v1";

    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && http.GetEndpoint() is null)
        {
            var path = http.Request.Path.Value ?? "/";
            await Problems.Create(StatusCodes.Status404NotFound, "not-found", "No such resource.",
                $"Nothing is published at {path}. GET {IndexPath} lists the API's resources.",
                new Dictionary<string, object?> { ["path"] = path, ["index"] = http.Request.PathBase + IndexPath }).ExecuteAsync(http);
            return;
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } }))
        {
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync($"Status Code: {http.Response.StatusCode}", http.RequestAborted);
        }
    }
}
