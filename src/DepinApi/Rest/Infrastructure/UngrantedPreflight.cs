using DepinApi.Errors;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The answer to a CORS preflight no endpoint's policy grants: one asking about a URL nothing is published at (a name
/// a route of names does not publish among them), or about a method the URL does not answer. It is the error the request it asks about would get (docs/errors.md): 405
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
        if (answered.Contains(CorsPreflight.MethodAskedAbout(context.Request))
            && context.GetEndpoint() is { RequestDelegate: { } answer } endpoint && endpoint.Metadata.GetMetadata<PublishedNames>() is not null)
            return AnswerAsTheGetAsync(context, answer);
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", answered);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A GET of a name a route of names does not publish: answered by the endpoint itself, so the preflight gets the very
    /// 404 its GET would (<c>page-asset-not-found</c>, <c>ide-asset-not-found</c>, <c>not-found</c>); nothing is sent but
    /// that problem, as nothing is published there.
    /// </summary>
    private static async Task AnswerAsTheGetAsync(HttpContext context, RequestDelegate answer)
    {
        var method = context.Request.Method;
        context.Request.Method = HttpMethods.Get;
        try
        {
            await answer(context);
        }
        finally
        {
            context.Request.Method = method;
        }
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
