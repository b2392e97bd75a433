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
    /// Whether the Accept header names <c>text/html</c> with a quality at least that of every JSON type it names.
    /// Wildcards do not count: <c>*/*</c> is what tools like curl send, and they want JSON.
    /// </summary>
    internal static bool PrefersHtml(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var entries)) return false;
        double html = 0, json = 0;
        foreach (var entry in entries)
        {
            var quality = entry.Quality ?? 1.0;
            var mediaType = entry.MediaType.Value;
            if (string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase))
                html = Math.Max(html, quality);
            else if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
                     || string.Equals(mediaType, "application/graphql-response+json", StringComparison.OrdinalIgnoreCase))
                json = Math.Max(json, quality);
        }
        return html > 0 && html >= json;
    }
}
