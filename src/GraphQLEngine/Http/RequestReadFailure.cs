namespace GraphQLEngine.Http;

/// <summary>Why a request was not a well-formed GraphQL-over-HTTP request: the status to answer with and why.</summary>
/// <param name="StatusCode">400, 405, 413 or 415.</param>
/// <param name="Message">The message of the single error in the response body.</param>
/// <param name="Allow">The <c>Allow</c> header of a 405.</param>
/// <param name="AcceptEncoding">The <c>Accept-Encoding</c> header of a 415 for a body's content coding.</param>
internal sealed record RequestReadFailure(int StatusCode, string Message, string? Allow = null, string? AcceptEncoding = null)
{
    public static RequestReadFailure BadRequest(string message) => new(400, message);

    /// <summary>The error's <c>extensions.code</c>, which a client reads instead of the status or the message.</summary>
    public string Code => CodeOf(StatusCode);

    /// <summary>The code of a request the transport refused with <paramref name="statusCode"/>.</summary>
    public static string CodeOf(int statusCode) => statusCode switch
    {
        405 => "METHOD_NOT_ALLOWED",
        408 => "REQUEST_TIMEOUT",
        413 => "REQUEST_TOO_LARGE",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        _ => "BAD_REQUEST",
    };
}
