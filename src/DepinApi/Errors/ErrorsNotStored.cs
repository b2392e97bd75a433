namespace DepinApi.Errors;

/// <summary>
/// An error answer that says nothing about caching says it may not be stored (<c>Cache-Control: no-store</c>). A 404 is
/// cacheable by default (RFC 9111 4.2.2), so a shared cache in front of the API would keep "no such figure" past the
/// import that adds it, and a 429 or 503 past the moment it stops being true. An answer that chose its own caching (a
/// GraphQL response's, which says it for errors too) keeps it.
/// </summary>
public static class ErrorsNotStored
{
    public static IApplicationBuilder UseErrorsNotStored(this IApplicationBuilder app) => app.Use(next => context =>
    {
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            if (response.StatusCode >= StatusCodes.Status400BadRequest && !response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
