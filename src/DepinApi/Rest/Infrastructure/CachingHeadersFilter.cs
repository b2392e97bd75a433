using DepinApi.Database;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Answers <c>If-None-Match</c> with 304 before any query runs, and gives every successful
/// response its strong ETag, <c>Cache-Control: public, max-age</c> and <c>Vary: Accept</c> (the Accept
/// header may select CSV). Dashboards that poll therefore cost a hash, not a database round trip.
/// </summary>
public sealed class CachingHeadersFilter(DataVersionTracker tracker, IOptions<RestOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (tracker.Current is not { } version)
            return await next(context);

        var etag = EntityTags.Compute(http.Request, version);
        var cacheControl = $"public, max-age={options.Value.MaxAgeSeconds}";
        if (EntityTags.Matches(http.Request, etag))
        {
            SetHeaders(http.Response, etag, cacheControl);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var result = await next(context);
        // Set before the result runs, not when the response starts: the output cache copies the
        // headers on the first body write, and a cached answer must carry the same tag.
        // Errors and redirects are not representations of the resource; they get no tag.
        if (result is IStatusCodeHttpResult { StatusCode: null or StatusCodes.Status200OK })
            SetHeaders(http.Response, etag, cacheControl);
        return result;
    }

    private static void SetHeaders(HttpResponse response, string etag, string cacheControl)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        response.Headers.Append(HeaderNames.Vary, "Accept");
    }
}
