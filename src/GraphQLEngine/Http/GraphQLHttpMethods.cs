namespace GraphQLEngine.Http;

/// <summary>
/// The methods a GraphQL endpoint answers: GET and POST for requests, HEAD as a GET whose body the server leaves out
/// (RFC 9110 §9.3.2). Any other method, a plain OPTIONS included, is a 405 naming them in <c>Allow</c>; a CORS preflight
/// is the application's CORS middleware's to answer, and grants these.
/// </summary>
public static class GraphQLHttpMethods
{
    public static IReadOnlyList<string> Answered { get; } = ["GET", "HEAD", "POST"];

    /// <summary>The <c>Allow</c> header of a 405.</summary>
    public static string Allow { get; } = string.Join(", ", Answered);
}
