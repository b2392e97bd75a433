namespace GraphQLEngine.Http;

/// <summary>The methods a GraphQL endpoint answers: GET and POST for requests, OPTIONS to say so (RFC 9110 §9.3.7).</summary>
public static class GraphQLHttpMethods
{
    public static IReadOnlyList<string> Answered { get; } = ["GET", "POST", "OPTIONS"];

    /// <summary>The <c>Allow</c> header of a plain OPTIONS.</summary>
    public static string Allow { get; } = string.Join(", ", Answered);
}
