using Microsoft.Extensions.Options;

namespace DepinApi.Security;

/// <summary>
/// Adds the security headers to every response. They are written as the response starts, so
/// they also reach error responses (the exception handler clears headers set earlier) and
/// responses replayed from the output cache. A 304 carries no policy of its own: the policy depends on the
/// representation (a page, a chart, JSON), which a 304 has no body to tell, and a browser copies a 304's headers onto
/// the response it kept, so a policy here would replace the page's own (its stylesheet, script and charts then refused).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
{
    private readonly SecurityHeadersOptions settings = options.Value;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, settings) = ((HttpContext, SecurityHeadersOptions))state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = settings.ReferrerPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Response.StatusCode == StatusCodes.Status304NotModified)
                return Task.CompletedTask;
            var contentType = context.Response.ContentType;
            if (IsPage(context.Request.Path, settings))
                headers.ContentSecurityPolicy = settings.PageContentSecurityPolicy;
            else if (Is(contentType, "text/html"))
                headers.ContentSecurityPolicy = settings.FigurePageContentSecurityPolicy;
            else if (Is(contentType, "image/svg+xml"))
            {
                // A chart is embedded by other sites, in an <iframe> too: framing is what it is for.
                headers.ContentSecurityPolicy = settings.ChartContentSecurityPolicy;
                return Task.CompletedTask;
            }
            else
                headers.ContentSecurityPolicy = settings.ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        }, (context, settings));
        return next(context);
    }

    private static bool Is(string? contentType, string mediaType) =>
        contentType is not null && contentType.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase);

    private static bool IsPage(PathString path, SecurityHeadersOptions settings)
    {
        foreach (var prefix in settings.PagePaths)
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
