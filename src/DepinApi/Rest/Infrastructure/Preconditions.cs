using DepinApi.Errors;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The preconditions of a GET or HEAD in the order RFC 9110 13.2.2 evaluates them: <c>If-Match</c> (strong
/// comparison), then <c>If-None-Match</c> (weak comparison). No Last-Modified is ever sent, so the date preconditions
/// have nothing to compare with and are not read.
/// </summary>
public static class Preconditions
{
    public enum Outcome
    {
        /// <summary>No precondition, or only ones the answer satisfies: answer normally.</summary>
        None,

        /// <summary><c>If-None-Match</c> lists a current tag: 304, without building the answer.</summary>
        NotModified,

        /// <summary><c>If-None-Match</c> is <c>*</c>: 304 if the request turns out to have a current representation.</summary>
        NotModifiedIfRepresented,

        /// <summary>
        /// <c>If-Match</c> lists no current tag: 412 if the request turns out to have a current representation. Only the
        /// answer shows that: an error, a 404 or a 400, is answered as itself (RFC 9110 13.2.1).
        /// </summary>
        FailedIfRepresented,
    }

    /// <summary>
    /// Evaluates the request's preconditions against <paramref name="current"/>, the tags the resource's current
    /// representation may carry; with <see cref="Outcome.NotModified"/>, the one <c>If-None-Match</c> named.
    /// <c>If-Match: *</c> holds whenever there is a representation, and without one the answer is an error anyway.
    /// </summary>
    public static (Outcome Outcome, EntityTag? Matched) Evaluate(HttpRequest request, IReadOnlyList<EntityTag> current)
    {
        if (IfMatchFails(request, current))
            return (Outcome.FailedIfRepresented, null);
        if (Read(request, HeaderNames.IfNoneMatch) is not { } ifNoneMatch)
            return (Outcome.None, null);
        if (ifNoneMatch.Any)
            return (Outcome.NotModifiedIfRepresented, null);
        foreach (var tag in current)
        {
            if (ifNoneMatch.Tags.Any(listed => listed.Matches(tag, strong: false)))
                return (Outcome.NotModified, tag);
        }
        return (Outcome.None, null);
    }

    /// <summary>
    /// The 304 or 412 a tagged body's preconditions call for, evaluated in the order RFC 9110 13.2.2 gives (If-Match,
    /// then If-None-Match); null when the body is to be sent. ASP.NET Core's file results evaluate them as well, but let
    /// an If-Match that holds override an If-None-Match that matches, a 200 where the RFC has a 304; a body answered here
    /// first reaches its file result only when no precondition stands in its way.
    /// </summary>
    public static IResult? AnswerInsteadOfBody(HttpRequest request, EntityTagHeaderValue etag)
    {
        switch (Evaluate(request, [EntityTag.Of(etag.ToString())]).Outcome)
        {
            case Outcome.FailedIfRepresented:
                // The body's coding and caching describe no representation of the 412, a problem of its own.
                var headers = request.HttpContext.Response.Headers;
                headers.Remove(HeaderNames.ContentEncoding);
                headers.Remove(HeaderNames.CacheControl);
                return PreconditionFailed.For(request);
            case Outcome.NotModified or Outcome.NotModifiedIfRepresented:
                request.HttpContext.Response.Headers.ETag = etag.ToString();
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            default:
                return null;
        }
    }

    /// <summary>A tagged body, or its 304 or 412 (<see cref="AnswerInsteadOfBody"/>).</summary>
    public static IResult TaggedBytes(HttpRequest request, byte[] contents, string contentType, EntityTagHeaderValue etag) =>
        AnswerInsteadOfBody(request, etag) ?? TypedResults.Bytes(contents, contentType, entityTag: etag);

    /// <summary>Whether the request states a precondition <see cref="Evaluate"/> reads; without one, it needs no current tags.</summary>
    public static bool Stated(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderNames.IfMatch) || request.Headers.ContainsKey(HeaderNames.IfNoneMatch);

    /// <summary>
    /// Whether an endpoint's result is a representation of the resource, the only answer a precondition makes
    /// conditional (RFC 9110 13.2.1): a 200, or a result that sets no status. Errors and redirects are answered as
    /// themselves. A handler's <c>Results&lt;…&gt;</c> is looked through (<see cref="AnswerOf"/>).
    /// </summary>
    public static bool IsRepresentation(object? result) =>
        AnswerOf(result) is IStatusCodeHttpResult { StatusCode: null or StatusCodes.Status200OK };

    /// <summary>The answer an endpoint's result gives: the one a handler's <c>Results&lt;…&gt;</c> wraps, or the result itself.</summary>
    public static object? AnswerOf(object? result) => result is INestedHttpResult nested ? AnswerOf(nested.Result) : result;

    /// <summary>Whether the request's <c>If-Match</c> lists tags of which none is one of <paramref name="current"/>.</summary>
    public static bool IfMatchFails(HttpRequest request, IReadOnlyList<EntityTag> current) =>
        Read(request, HeaderNames.IfMatch) is { } ifMatch && !ifMatch.MatchesAny(current, strong: true);

    /// <summary>The request's <c>If-Match</c> when it lists tags rather than <c>*</c>.</summary>
    public static bool IfMatchListsTags(HttpRequest request) => Read(request, HeaderNames.IfMatch) is { Any: false };

    /// <summary>
    /// Drops an <c>If-Match</c> or <c>If-None-Match</c> whose value does not parse (<c>"a""a"</c>, two tags without a
    /// comma; <c>"a", *</c>) before anything reads it: it states no condition the server can evaluate, so the request
    /// is answered as without it (RFC 9110 13.1.2), by every endpoint alike, whether the output cache, ASP.NET Core's
    /// file results and static files, or the API's own code evaluate what remains. For a GET, which changes nothing,
    /// that is safe for <c>If-Match</c> too. A value that lists no tag at all (<c>If-Match: ,</c>) is dropped as well,
    /// as ASP.NET Core's own evaluation reads it.
    /// </summary>
    public static IApplicationBuilder UseUnparsablePreconditionsIgnored(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            foreach (var name in (ReadOnlySpan<string>)[HeaderNames.IfMatch, HeaderNames.IfNoneMatch])
            {
                if (headers.TryGetValue(name, out var value) && !EntityTagList.TryParse(value, out _))
                    headers.Remove(name);
            }
            return next(context);
        });

    private static EntityTagList? Read(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && EntityTagList.TryParse(value, out var list) ? list : null;
}
