using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace DepinApi.Hosting;

/// <summary>
/// Answers HEAD on every GET endpoint (RFC 9110 9.3.2: the same status and headers as GET, no body).
/// Minimal APIs map GET only, so without this a HEAD is a 405 although CORS advertises it. The
/// request runs as a GET (routing, rate limits, caching and ETags all apply as for GET, and the
/// output cache may answer it from the GET's entry) and its body is dropped. Placed before routing;
/// the method is HEAD again when the request log reads it. A CORS preflight asking to send a HEAD is
/// routed as one asking to send a GET, for the same reason: routing found no endpoint for HEAD, and
/// the preflight was refused with a 405 whose <c>Allow</c> listed HEAD.
/// </summary>
public sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Compared as sent: methods are case-sensitive (RFC 9110 9.1). A "head" made a GET here had its body dropped,
        // which Kestrel, not taking "head" for HEAD, answered with a 500; routing now refuses it as an unknown method.
        if (context.Request.Method != HttpMethods.Head)
        {
            if (CorsPreflight.Is(context.Request) && context.Request.Headers.AccessControlRequestMethod == HttpMethods.Head)
                await AsPreflightForGetAsync(context);
            else
                await next(context);
            return;
        }
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Request.Method = HttpMethods.Get;
        // Kestrel drops a HEAD response's body itself; discarding it here as well keeps every server
        // (the in-memory test server included) from sending one.
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    }

    private async Task AsPreflightForGetAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        headers.AccessControlRequestMethod = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            headers.AccessControlRequestMethod = HttpMethods.Head;
        }
    }
}
