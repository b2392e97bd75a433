using Microsoft.AspNetCore.Diagnostics;

namespace DepinApi.Errors;

/// <summary>
/// Answers a request whose database work failed because the database is down, restarting or
/// too slow with <c>503 /problems/database-unavailable</c> and a <c>Retry-After</c>, instead
/// of a 500. Anything else is left to the next handler.
/// </summary>
/// <remarks>
/// The time a request can spend is bounded before it gets here: every connection attempt and
/// command carries Database:CommandTimeoutSeconds, so an unreachable or stuck database turns
/// into an exception, and this answer, within that time.
/// </remarks>
public sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const string ProblemType = "database-unavailable";

    /// <summary>The title of every <c>database-unavailable</c> problem, the readiness probe's included.</summary>
    public const string Title = "The database is unavailable.";

    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFailures.IsUnavailable(exception, httpContext.RequestAborted.IsCancellationRequested))
            return false;
        // The exception text can name hosts and ports: it is logged, not sent.
        logger.LogWarning("The database could not answer {Method} {Path}: {Error}",
            httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.ServiceUnavailable(ProblemType, Title,
                "The service could not get an answer from its database in time. Try again shortly.")
            .ExecuteAsync(httpContext);
        return true;
    }
}
