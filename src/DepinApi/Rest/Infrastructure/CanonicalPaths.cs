using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// One URL per resource: a GET whose path names an endpoint in another spelling — fixed text in other letter case
/// (<c>/V1/Projects</c>, <c>/openapi/v1.JSON</c>) or a trailing slash (<c>/v1/projects/</c>) — is answered 308 with
/// the path as the API writes it, the query kept. Routing ignores both differences, so without this each spelling was
/// answered as a resource of its own: cached apart, and cited or bookmarked under a URL the API never publishes. Route
/// values (a slug, an id, a quarter, a document's name) are left as sent; their own rules decide them (an upper-case
/// slug is redirected by its handler).
/// </summary>
/// <remarks>
/// A middleware of its own rather than the URL-rewriting middleware's redirect rules: the endpoint's route pattern says
/// which segments are fixed, which regular expressions over the path cannot, and the check is a walk over the path
/// with no allocation on the requests already canonical (nearly all).
/// </remarks>
public static class CanonicalPaths
{
    /// <summary>Placed after routing, which finds the endpoint, and after the rate limits, which charge a redirect as any request.</summary>
    public static IApplicationBuilder UseCanonicalPaths(this IApplicationBuilder app) => app.Use(next => (HttpContext context) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern }
            && context.Request.Path.Value is { } path && Canonical(path, pattern) is { } canonical)
            return MovedTo(context, canonical).ExecuteAsync(context);
        return next(context);
    });

    /// <summary>A 308 to <paramref name="path"/> (the API's own spelling of the request's), its path base and query kept.</summary>
    public static IResult MovedTo(HttpContext context, string path) =>
        TypedResults.Redirect(UriHelper.BuildRelative(context.Request.PathBase, new PathString(path), context.Request.QueryString),
            permanent: true, preserveMethod: true);

    /// <summary>
    /// <paramref name="path"/> as <paramref name="pattern"/> writes it, or null when it already is: each fixed segment in
    /// the pattern's own case, no trailing slash, everything a parameter matched (a catch-all's rest included) as sent.
    /// </summary>
    internal static string? Canonical(string path, RoutePattern pattern)
    {
        if (path.Length <= 1 || !Rewrite(path, pattern, written: null))
            return null;
        var written = new System.Text.StringBuilder(path.Length);
        Rewrite(path, pattern, written);
        return written.ToString();
    }

    /// <summary>
    /// Walks <paramref name="path"/>'s segments beside the pattern's; returns whether any is written otherwise, and
    /// when <paramref name="written"/> is given, writes the canonical path into it.
    /// </summary>
    private static bool Rewrite(string path, RoutePattern pattern, System.Text.StringBuilder? written)
    {
        var sent = path.AsSpan(1);
        var changed = false;
        for (var index = 0; ; index++)
        {
            var slash = sent.IndexOf('/');
            var segment = slash < 0 ? sent : sent[..slash];
            var shape = index < pattern.PathSegments.Count ? pattern.PathSegments[index] : null;
            if (shape is { IsSimple: true, Parts: [RoutePatternParameterPart { IsCatchAll: true }] })
            {
                written?.Append('/').Append(sent);
                return changed;
            }
            if (slash < 0 && segment.IsEmpty && index > 0)
                return true;
            var fixedText = shape is { IsSimple: true, Parts: [RoutePatternLiteralPart literal] } ? literal.Content
                : shape is { IsSimple: false } ? WithFixedEndsAsWritten(segment, shape) : null;
            if (fixedText is not null && !segment.SequenceEqual(fixedText))
            {
                changed = true;
                segment = fixedText;
            }
            if (changed && written is null)
                return true;
            written?.Append('/').Append(segment);
            if (slash < 0)
                return changed;
            sent = sent[(slash + 1)..];
        }
    }

    /// <summary>
    /// A segment of fixed text and parameters (<c>{documentName}.json</c>) with the fixed text it begins and ends with in
    /// the pattern's case, the rest as sent; null when it has them already, or routing matched it otherwise.
    /// </summary>
    private static string? WithFixedEndsAsWritten(ReadOnlySpan<char> segment, RoutePatternPathSegment shape)
    {
        var prefix = shape.Parts[0] is RoutePatternLiteralPart first ? first.Content : "";
        var suffix = shape.Parts.Count > 1 && shape.Parts[^1] is RoutePatternLiteralPart last ? last.Content : "";
        if (segment.Length < prefix.Length + suffix.Length)
            return null;
        var sentPrefix = segment[..prefix.Length];
        var sentSuffix = segment[^suffix.Length..];
        if ((sentPrefix.SequenceEqual(prefix) && sentSuffix.SequenceEqual(suffix))
            || !sentPrefix.Equals(prefix, StringComparison.OrdinalIgnoreCase) || !sentSuffix.Equals(suffix, StringComparison.OrdinalIgnoreCase))
            return null;
        return string.Concat(prefix, segment[prefix.Length..^suffix.Length], suffix);
    }
}
