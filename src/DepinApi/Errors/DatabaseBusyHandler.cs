using System.Globalization;
using DepinApi.Database;
using Microsoft.AspNetCore.Diagnostics;

namespace DepinApi.Errors;

/// <summary>
/// Answers a request that waited too long for a database session (<see cref="FairSessionGate"/>) with
/// <c>503 /problems/database-busy</c> and a <c>Retry-After</c>, instead of a 500.
/// </summary>
public sealed class DatabaseBusyHandler : IExceptionHandler
{
    public const string ProblemType = "database-busy";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseBusyException.Find(exception) is not { } busy)
            return false;
        httpContext.Response.Headers.RetryAfter = Math.Max(1, busy.WaitSeconds).ToString(CultureInfo.InvariantCulture);
        await Problems.ServiceUnavailable(ProblemType, "The database is busy.", busy.Message).ExecuteAsync(httpContext);
        return true;
    }
}
