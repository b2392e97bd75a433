using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GraphQLEngine.Http;

/// <summary>
/// Picks the response media type from the <c>Accept</c> header: the acceptable entry of highest quality, and on a
/// tie <c>application/graphql-response+json</c>. <c>application/json</c>, <c>application/*</c> and <c>*/*</c> give
/// <c>application/json</c>, as does a missing header (the specification's advice for legacy clients).
/// </summary>
internal static class AcceptNegotiator
{
    /// <summary>The media type to respond with, or null when the client accepts neither (406).</summary>
    public static string? Negotiate(StringValues acceptHeaders)
    {
        if (StringValues.IsNullOrEmpty(acceptHeaders) || acceptHeaders.All(string.IsNullOrWhiteSpace))
            return GraphQLMediaTypes.Json;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var entries)) return null;

        string? best = null;
        var bestQuality = 0.0;
        foreach (var entry in entries)
        {
            var quality = entry.Quality ?? 1.0;
            if (quality <= 0 || !IsUtf8(entry)) continue;
            var candidate = Candidate(entry.MediaType.Value);
            if (candidate is null) continue;
            if (quality > bestQuality || (quality == bestQuality && candidate == GraphQLMediaTypes.GraphQLResponseJson))
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static string? Candidate(string? mediaRange)
    {
        if (string.Equals(mediaRange, GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            return GraphQLMediaTypes.GraphQLResponseJson;
        if (string.Equals(mediaRange, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            || string.Equals(mediaRange, "application/*", StringComparison.OrdinalIgnoreCase)
            || mediaRange == "*/*")
            return GraphQLMediaTypes.Json;
        return null;
    }

    // Responses are always UTF-8: an entry asking for another charset cannot be served.
    private static bool IsUtf8(MediaTypeHeaderValue entry)
    {
        var charset = entry.Charset.Value;
        return charset is null
               || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)
               || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
    }
}
