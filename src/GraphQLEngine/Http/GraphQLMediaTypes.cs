namespace GraphQLEngine.Http;

/// <summary>The media types of the GraphQL-over-HTTP specification.</summary>
public static class GraphQLMediaTypes
{
    /// <summary>The GraphQL response media type: status codes tell request errors (4xx) from executed operations (200).</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy response media type, and the request body's: every well-formed request gets 200.</summary>
    public const string Json = "application/json";

    /// <summary>What a 406 response advertises.</summary>
    internal const string Supported = GraphQLResponseJson + "; charset=utf-8, " + Json + "; charset=utf-8";
}
