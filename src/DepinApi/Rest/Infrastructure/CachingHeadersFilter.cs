using DepinApi.Database;
using DepinApi.Errors;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Outcome = DepinApi.Rest.Infrastructure.Preconditions.Outcome;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Answers <c>If-None-Match</c> naming the current tag with 304 before any query runs, evaluates <c>If-Match</c> first
/// (412 when it names no current tag), and gives every successful response its strong ETag,
/// <c>Cache-Control: public, max-age</c> and <c>Vary: Accept, Accept-Encoding</c> (the Accept header may select CSV,
/// and the tag names the content coding). Dashboards that poll therefore cost a hash, not a database round trip.
/// </summary>
public sealed class CachingHeadersFilter(DataVersionTracker tracker, IOptions<RestOptions> options, CursorCodec keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (tracker.Current is not { } version)
            return await next(context);

        var cacheControl = options.Value.DataCacheControl;
        // The tags are keyed hashes: most requests state no precondition, and their one tag is computed once, after the answer.
        var (precondition, matched) = Preconditions.Stated(http.Request)
            ? Preconditions.Evaluate(http.Request, EntityTags.Current(http.Request, version, keys))
            : (Outcome.None, null);
        // A listed tag was issued with a 200 for this very URL, Accept and data version (tags are
        // keyed, so it cannot have been made up), whose answer cannot have changed since: no query
        // needs to run. A failed If-Match has no such proof: whether the URL has a representation at all (a 412) or is
        // an error (answered as such) takes running the request; the output cache keeps the 412 it then makes.
        if (precondition == Outcome.NotModified)
        {
            SetHeaders(http.Response, matched!.Value.ToString(), cacheControl);
            return NotModified();
        }
        var result = await next(context);
        // Errors and redirects are not representations of the resource; they get no tag, and a
        // precondition never hides them.
        if (!Preconditions.IsRepresentation(result))
            return result;
        if (precondition == Outcome.FailedIfRepresented)
            return PreconditionFailed.For(http.Request);
        var etag = EntityTags.Compute(http.Request, TagBasis.Of(http, Preconditions.AnswerOf(result), version), keys);
        // Set before the result runs, not when the response starts: the output cache copies the
        // headers on the first body write, and a cached answer must carry the same tag.
        SetHeaders(http.Response, etag, cacheControl);
        // "*" matches only when a current representation exists, which only running the request shows.
        return precondition == Outcome.NotModifiedIfRepresented ? NotModified() : result;
    }

    private static IResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);

    private static void SetHeaders(HttpResponse response, string etag, string cacheControl)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        response.Headers.Append(HeaderNames.Vary, "Accept");
        // The tag names the content coding, so even a body never compressed (a PNG) depends on Accept-Encoding; and a 304
        // has no media type for the compression's own rule to read.
        ContentCodingVary.Declare(response);
    }
}
