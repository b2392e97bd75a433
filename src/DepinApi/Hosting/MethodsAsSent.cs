using DepinApi.Errors;

namespace DepinApi.Hosting;

/// <summary>
/// Request methods are case-sensitive (RFC 9110 9.1): <c>get</c> is not GET but a method the API does not know, refused
/// as any other is (405, the path's methods in <c>Allow</c>). Routing compares methods ignoring case, so without this a
/// <c>get</c> was served as a GET, cached and charged as one, under a method the API never answers.
/// </summary>
public static class MethodsAsSent
{
    /// <summary>
    /// Placed after routing, which matched the endpoint ignoring the method's case, and after the rate limits, which charge
    /// the refusal as any request; the status-code pages write its problem.
    /// </summary>
    public static IApplicationBuilder UseMethodsAsSent(this IApplicationBuilder app) => app.Use(next => (HttpContext context) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods: var answered }
            && AnsweredOnlyInOtherLetters(answered, context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = string.Join(", ", context.RequestServices.GetRequiredService<PathMethods>().At(context.Request.Path));
            return Task.CompletedTask;
        }
        return next(context);
    });

    // On every request, so an index loop rather than LINQ's Contains with a comparer, which enumerates through an object.
    private static bool AnsweredOnlyInOtherLetters(IReadOnlyList<string> answered, string method)
    {
        var otherLetters = false;
        for (var i = 0; i < answered.Count; i++)
        {
            if (answered[i] == method)
                return false;
            otherLetters |= string.Equals(answered[i], method, StringComparison.OrdinalIgnoreCase);
        }
        return otherLetters;
    }
}
