using DepinApi.Errors;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The answer to a CORS preflight no endpoint's policy grants: one asking about a URL nothing is published at, or
/// about a method the URL does not answer. It is the error the request it asks about would get (docs/errors.md): 405
/// <c>method-not-allowed</c> with the methods the URL does answer in <c>Allow</c>, or 404 <c>not-found</c>; the
/// status-code pages write the problem. It carries the headers every error carries, so that it is as readable from
/// another origin as the same error answered to a GET. It grants nothing: a browser fails a preflight whose status is
/// not 2xx (Fetch, <i>CORS-preflight fetch</i>), so the page that asked sees a network error either way.
/// </summary>
internal sealed class UngrantedPreflight(ICorsService cors, CorsPolicy readPolicy, PathMethods paths)
{
    public Task AnswerAsync(HttpContext context)
    {
        ReadableFromAnyOrigin(context);
        var answered = paths.At(context.Request.Path);
        if (answered.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", answered);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The headers of an answer rather than of a grant: the origin and the exposed headers, no methods. Every error a
    /// preflight gets carries them, its 429 too (the probe allowance), so the page that asked can read why.
    /// </summary>
    public void ReadableFromAnyOrigin(HttpContext context)
    {
        var answerHeaders = cors.EvaluatePolicy(context, readPolicy);
        answerHeaders.IsPreflightRequest = false;
        cors.ApplyResult(answerHeaders, context.Response);
    }
}
