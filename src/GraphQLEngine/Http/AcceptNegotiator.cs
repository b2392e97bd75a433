using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GraphQLEngine.Http;

/// <summary>
/// Picks the response media type from the <c>Accept</c> header by RFC 9110 12.5.1: each of the two types served
/// takes the quality the header gives it (<see cref="MediaRanges"/>), so <c>application/json;q=0, */*</c> refuses
/// <c>application/json</c> and accepts <c>application/graphql-response+json</c>. The higher quality wins, and none
/// above zero is a 406. On a tie <c>application/graphql-response+json</c> wins when the client named it outright (the
/// specification's preference), else <c>application/json</c>: a bare <c>*/*</c>, as curl and browsers send, or a
/// missing header gets the legacy type, as the specification advises for clients that may not know the new one.
/// </summary>
internal static class AcceptNegotiator
{
    /// <summary>The media type to respond with, or null when the client accepts neither (406).</summary>
    public static string? Negotiate(StringValues acceptHeaders)
    {
        if (StringValues.IsNullOrEmpty(acceptHeaders) || acceptHeaders.All(string.IsNullOrWhiteSpace))
            return GraphQLMediaTypes.Json;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var ranges)) return null;

        var graphQL = MediaRanges.Match(ranges, GraphQLMediaTypes.GraphQLResponseJson);
        var json = MediaRanges.Match(ranges, GraphQLMediaTypes.Json);
        if (graphQL.Quality <= 0 && json.Quality <= 0) return null;
        if (graphQL.Quality != json.Quality)
            return graphQL.Quality > json.Quality ? GraphQLMediaTypes.GraphQLResponseJson : GraphQLMediaTypes.Json;
        return graphQL.IsNamed ? GraphQLMediaTypes.GraphQLResponseJson : GraphQLMediaTypes.Json;
    }
}
