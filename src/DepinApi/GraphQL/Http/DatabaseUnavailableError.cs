using DepinApi.Database;
using DepinApi.Errors;
using GraphQLEngine.Error;
using GraphQLEngine.Http;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// GraphQL's answer to a database that is down, restarting, locked or too slow, as REST's
/// <see cref="DatabaseUnavailableHandler"/> answers it: 503 with a <c>Retry-After</c>, here as one error with code
/// <c>DATABASE_UNAVAILABLE</c> instead of a field error per field ("Unexpected error.") under a 200; and a request
/// that waited too long for a database session as <see cref="DatabaseBusyHandler"/> does, with <c>DATABASE_BUSY</c>.
/// </summary>
internal static class DatabaseUnavailableError
{
    public const string Code = "DATABASE_UNAVAILABLE";

    /// <summary>The code of a request that waited too long for a database session (<see cref="FairSessionGate"/>).</summary>
    public const string BusyCode = "DATABASE_BUSY";

    public static GraphQLRequestFailure? For(HttpContext http, Exception exception) =>
        DatabaseBusyException.Find(exception) is { } busy
            ? new GraphQLRequestFailure(
                new GraphQLError(busy.Message, extensions: new Dictionary<string, object?> { ["code"] = BusyCode }),
                StatusCodes.Status503ServiceUnavailable,
                TimeSpan.FromSeconds(Math.Max(1, busy.WaitSeconds)))
        : DatabaseFailures.IsUnavailable(exception, http.RequestAborted.IsCancellationRequested)
            ? new GraphQLRequestFailure(
                new GraphQLError(
                    "The database is unavailable: the service could not get an answer from it in time. Try again shortly.",
                    extensions: new Dictionary<string, object?> { ["code"] = Code }),
                StatusCodes.Status503ServiceUnavailable,
                TimeSpan.FromSeconds(DatabaseUnavailableHandler.RetryAfterSeconds))
            : null;
}
