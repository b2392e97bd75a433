using Microsoft.AspNetCore.Diagnostics;

namespace DepinApi.Errors;

/// <summary>
/// Requests the server refused while reading them (a body over the size limit, a malformed
/// body, a client too slow to send it) keep their 4xx status as problem+json, rather than
/// becoming a 500 once they reach the exception handler.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    /// <summary>The problem type of a request the server could not read (docs/errors.md).</summary>
    public const string Type = "bad-request";

    public const string Title = "The request could not be read.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var (type, title) = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("request-too-large", "The request body is too large."),
            StatusCodes.Status408RequestTimeout => ("request-timeout", "The request body arrived too slowly."),
            _ => (Type, Title),
        };
        await Problems.Create(bad.StatusCode, type, title, bad.Message).ExecuteAsync(httpContext);
        return true;
    }
}
