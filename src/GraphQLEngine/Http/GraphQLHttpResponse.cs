using GraphQLEngine.Execution;

namespace GraphQLEngine.Http;

/// <summary>A result and, when the media type's rule does not decide it, the status code to send it with.</summary>
/// <param name="Result">The body.</param>
/// <param name="StatusCode">Fixed status (a refusal, 405 for a mutation over GET); null to follow the media type.</param>
/// <param name="GraphQLResponseStatusCode">Status for <c>application/graphql-response+json</c> only (504 on timeout).</param>
/// <param name="Allow">The <c>Allow</c> header of a 405.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header of a failure the client may retry.</param>
internal sealed record GraphQLHttpResponse(
    ExecutionResult Result,
    int? StatusCode = null,
    int? GraphQLResponseStatusCode = null,
    string? Allow = null,
    TimeSpan? RetryAfter = null,
    string? AcceptEncoding = null)
{
    /// <summary>
    /// The status as the GraphQL-over-HTTP specification has it: with <c>application/json</c> 200 for every
    /// well-formed request; with <c>application/graphql-response+json</c> 200 when the result has a <c>data</c>
    /// entry, else 400 (the document did not parse or validate, or the variables were invalid).
    /// </summary>
    public int StatusFor(string mediaType)
    {
        if (StatusCode is { } fixedStatus) return fixedStatus;
        if (mediaType != GraphQLMediaTypes.GraphQLResponseJson) return 200;
        return GraphQLResponseStatusCode ?? (Result.HasData ? 200 : 400);
    }
}
