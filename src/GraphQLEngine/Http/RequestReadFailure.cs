namespace GraphQLEngine.Http;

/// <summary>Why a request was not a well-formed GraphQL-over-HTTP request: the status to answer with and why.</summary>
/// <param name="StatusCode">400, 405, 413 or 415.</param>
/// <param name="Message">The message of the single error in the response body.</param>
/// <param name="Allow">The <c>Allow</c> header of a 405.</param>
internal sealed record RequestReadFailure(int StatusCode, string Message, string? Allow = null)
{
    public static RequestReadFailure BadRequest(string message) => new(400, message);
}
