using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Ide;

/// <summary>
/// Tells a person opening the GraphQL endpoint in a browser from a GraphQL client. The GraphQL-over-HTTP
/// specification makes every GET that carries a <c>query</c> parameter a GraphQL request, whatever it accepts; only
/// a GET without one whose <c>Accept</c> header prefers HTML to the GraphQL response types gets the IDE.
/// </summary>
public static class BrowserNavigation
{
    /// <summary>Whether <paramref name="request"/> should get the IDE page rather than a GraphQL response.</summary>
    public static bool WantsIde(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.Query.ContainsKey("query")) return false;
        return PrefersHtml(request.Headers.Accept);
    }

    /// <summary>
    /// Whether the Accept header gives <c>text/html</c> a quality above zero and at least that of each GraphQL response
    /// type, each type taking the quality of the most specific range that matches it (<see cref="MediaRanges"/>): a
    /// browser's <c>text/html,…,*/*;q=0.8</c> does, <c>*/*;q=0.9, text/html;q=0.1</c> does not. A tie goes to the page
    /// only when the header names <c>text/html</c> outright and at least as specifically as the JSON type it ties with:
    /// <c>text/html, application/json</c> is the page, while <c>*/*</c>, what tools like curl send, gives every type the
    /// same quality and wants JSON.
    /// </summary>
    internal static bool PrefersHtml(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges)) return false;
        var html = MediaRanges.Match(ranges, ContentNegotiation.HtmlMediaType);
        if (html.Quality <= 0) return false;
        foreach (var mediaType in (ReadOnlySpan<string>)[GraphQLMediaTypes.Json, GraphQLMediaTypes.GraphQLResponseJson])
        {
            var json = MediaRanges.Match(ranges, mediaType);
            if (json.Quality > html.Quality) return false;
            if (json.Quality == html.Quality && (!html.IsNamed || json.Specificity > html.Specificity)) return false;
        }
        return true;
    }
}
