using DepinApi.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace DepinApi.Hosting;

/// <summary>
/// Answers <c>OPTIONS *</c>, which asks about the server rather than a resource (RFC 9110 §9.3.7): 204 with every
/// method the server answers somewhere in <c>Allow</c>, and no body. Kestrel hands such a request on with an empty
/// path, which routing took for the index and refused as a 405 naming the path "".
/// </summary>
public static class ServerWideOptions
{
    public static IApplicationBuilder UseServerWideOptions(this IApplicationBuilder app)
    {
        var methods = app.ApplicationServices.GetRequiredService<PathMethods>();
        string? allow = null;
        return app.Use(next => (HttpContext context) =>
        {
            if (!HttpMethods.IsOptions(context.Request.Method) || context.Features.Get<IHttpRequestFeature>()?.RawTarget != "*")
                return next(context);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            // Read once the routes are complete, which they are by the first request.
            context.Response.Headers.Allow = allow ??= string.Join(", ", methods.Anywhere());
            return Task.CompletedTask;
        });
    }
}
