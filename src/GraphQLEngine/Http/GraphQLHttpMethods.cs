namespace GraphQLEngine.Http;

/// <summary>
/// The methods a GraphQL endpoint answers: GET and POST for requests, HEAD as a GET whose body the server leaves out
/// (RFC 9110 §9.3.2), OPTIONS to say so (RFC 9110 §9.3.7).
/// </summary>
public static class GraphQLHttpMethods
{
    public static IReadOnlyList<string> Answered { get; } = ["GET", "HEAD", "POST", "OPTIONS"];

    /// <summary>The <c>Allow</c> header of a plain OPTIONS.</summary>
    public static string Allow { get; } = string.Join(", ", Answered);

    /// <summary>The <c>Allow</c> header of a method no request may use (405): those that carry a request.</summary>
    public static string AllowRequests { get; } = string.Join(", ", Answered.Where(method => method != "OPTIONS"));
}
