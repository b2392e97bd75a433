using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GraphQLEngine.Http;

/// <summary>
/// Picks the response media type from the <c>Accept</c> header by RFC 9110 12.5.1: each of the two types served
/// takes the quality of the most specific range that matches it (<c>*/*</c>, then <c>application/*</c>, then the
/// type itself, then the type with a <c>charset</c>), so <c>application/json;q=0, */*</c> refuses
/// <c>application/json</c> and accepts <c>application/graphql-response+json</c>. The higher quality wins, and none
/// above zero is a 406. On a tie <c>application/graphql-response+json</c> wins when the client named it outright (the
/// specification's preference), else <c>application/json</c>: a bare <c>*/*</c>, as curl and browsers send, or a
/// missing header gets the legacy type, as the specification advises for clients that may not know the new one.
/// </summary>
internal static class AcceptNegotiator
{
    private static readonly MediaTypeHeaderValue GraphQLResponseJson = new(GraphQLMediaTypes.GraphQLResponseJson);
    private static readonly MediaTypeHeaderValue Json = new(GraphQLMediaTypes.Json);

    // A range naming the type itself (with or without a charset) ranks at least this.
    private const int Named = 4;

    /// <summary>The media type to respond with, or null when the client accepts neither (406).</summary>
    public static string? Negotiate(StringValues acceptHeaders)
    {
        if (StringValues.IsNullOrEmpty(acceptHeaders) || acceptHeaders.All(string.IsNullOrWhiteSpace))
            return GraphQLMediaTypes.Json;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var ranges)) return null;

        var graphQL = Preference(GraphQLResponseJson, ranges);
        var json = Preference(Json, ranges);
        if (graphQL.Quality <= 0 && json.Quality <= 0) return null;
        if (graphQL.Quality != json.Quality)
            return graphQL.Quality > json.Quality ? GraphQLMediaTypes.GraphQLResponseJson : GraphQLMediaTypes.Json;
        return graphQL.Specificity >= Named ? GraphQLMediaTypes.GraphQLResponseJson : GraphQLMediaTypes.Json;
    }

    /// <summary>
    /// The quality the most specific matching range gives <paramref name="mediaType"/> (0 when none matches). Ranges
    /// equally specific, which RFC 9110 does not order, give the highest of their qualities.
    /// </summary>
    private static (double Quality, int Specificity) Preference(MediaTypeHeaderValue mediaType, IList<MediaTypeHeaderValue> ranges)
    {
        var quality = 0.0;
        var specificity = -1;
        foreach (var range in ranges)
        {
            var rank = Specificity(range, mediaType);
            if (rank < 0 || rank < specificity) continue;
            var rangeQuality = range.Quality ?? 1.0;
            quality = rank > specificity ? rangeQuality : Math.Max(quality, rangeQuality);
            specificity = rank;
        }
        return (quality, specificity);
    }

    /// <summary>How specifically <paramref name="range"/> names <paramref name="mediaType"/>; -1 when it does not match it.</summary>
    private static int Specificity(MediaTypeHeaderValue range, MediaTypeHeaderValue mediaType)
    {
        // Responses are always UTF-8: a range asking for another charset matches neither type.
        if (!IsUtf8(range)) return -1;
        var charset = range.Charset.HasValue ? 1 : 0;
        if (range.MatchesAllTypes) return charset;
        if (!range.Type.Equals(mediaType.Type, StringComparison.OrdinalIgnoreCase)) return -1;
        if (range.MatchesAllSubTypes) return 2 + charset;
        return range.SubType.Equals(mediaType.SubType, StringComparison.OrdinalIgnoreCase) ? Named + charset : -1;
    }

    private static bool IsUtf8(MediaTypeHeaderValue range)
    {
        var charset = range.Charset.Value;
        return charset is null
               || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)
               || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
    }
}
