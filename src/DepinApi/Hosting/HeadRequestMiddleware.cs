using Microsoft.AspNetCore.Http.Features;

namespace DepinApi.Hosting;

/// <summary>
/// Answers HEAD on every GET endpoint (RFC 9110 9.3.2: the same status and headers as GET, no body).
/// Minimal APIs map GET only, so without this a HEAD is a 405 although CORS advertises it. The
/// request runs as a GET (routing, rate limits, caching and ETags all apply as for GET, and the
/// output cache may answer it from the GET's entry) and its body is dropped. Placed before routing;
/// the method is HEAD again when the request log reads it.
/// </summary>
public sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Compared as sent: methods are case-sensitive (RFC 9110 9.1). A "head" made a GET here had its body dropped,
        // which Kestrel, not taking "head" for HEAD, answered with a 500; routing now refuses it as an unknown method.
        if (context.Request.Method != HttpMethods.Head)
        {
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
}
