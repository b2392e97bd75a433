using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace DepinApi.Errors;

/// <summary>
/// The bodies of responses that left the pipeline with an error status and no body, each a problem of the project's
/// own types (docs/errors.md), written as problem+json whatever the Accept header (a browser's text/html included):
/// a request no route matched is <c>not-found</c>, pointing at the index; a method the URL does not answer, asked
/// directly or by a CORS preflight, is <c>method-not-allowed</c> with every method it does answer in <c>Allow</c>; an
/// Accept header nothing matches is <c>not-acceptable</c>; an <c>If-Match</c> that failed is <c>precondition-failed</c>;
/// any other status is <c>http-&lt;status&gt;</c>.
/// </summary>
public static class StatusCodeProblems
{
    /// <summary>Where the API lists everything it serves.</summary>
    public const string IndexPath = "/v1";

    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var path = http.Request.Path.Value ?? "/";
        return http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound when http.GetEndpoint() is null => Problems.Create(
                StatusCodes.Status404NotFound, "not-found", "No such resource.",
                $"Nothing is published at {path}. GET {IndexPath} lists the API's resources.",
                new Dictionary<string, object?> { ["path"] = path, ["index"] = http.Request.PathBase + IndexPath }).ExecuteAsync(http),
            StatusCodes.Status405MethodNotAllowed => MethodNotAllowed(
                http, path, Rest.Infrastructure.CorsPreflight.MethodAskedAbout(http.Request), PathMethods.WithHead(http.Response.Headers.Allow.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))),
            StatusCodes.Status406NotAcceptable => Problems.Create(
                StatusCodes.Status406NotAcceptable, "not-acceptable", "No acceptable representation.",
                $"{path} cannot answer in any media type the Accept header ({http.Request.Headers.Accept}) allows."
                + (http.Response.Headers.Accept.Count > 0 ? $" It answers in {http.Response.Headers.Accept}." : ""),
                new Dictionary<string, object?> { ["path"] = path }).ExecuteAsync(http),
            StatusCodes.Status412PreconditionFailed => PreconditionFailed.WriteAsync(http, path),
            var status => Problems.Create(
                status, $"http-{status}", ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "Error.",
                $"The request to {path} was answered {status}.").ExecuteAsync(http),
        };
    }

    private static Task MethodNotAllowed(HttpContext http, string path, string method, IReadOnlyList<string> methods)
    {
        var allow = string.Join(", ", methods);
        if (methods.Count > 0) http.Response.Headers.Allow = allow;
        return Problems.Create(StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method not allowed.",
            $"{path} does not answer {method}" + (methods.Count > 0 ? $"; it answers {allow}." : ".") + " The API is read-only.",
            new Dictionary<string, object?> { ["path"] = path, ["allow"] = methods }).ExecuteAsync(http);
    }
}
