using DepinApi.Security;
using GraphQLEngine.Error;
using GraphQLEngine.Http;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// GraphQL's answer to a database that is down, restarting, locked or too slow, as REST's
/// <see cref="DatabaseUnavailableHandler"/> answers it: 503 with a <c>Retry-After</c>, here as one error with code
/// <c>DATABASE_UNAVAILABLE</c> instead of a field error per field ("Unexpected error.") under a 200.
/// </summary>
internal static class DatabaseUnavailableError
{
    public const string Code = "DATABASE_UNAVAILABLE";

    public static GraphQLRequestFailure? For(HttpContext http, Exception exception) =>
        DatabaseFailures.IsUnavailable(exception, http.RequestAborted.IsCancellationRequested)
            ? new GraphQLRequestFailure(
                new GraphQLError(
                    "The database is unavailable: the service could not get an answer from it in time. Try again shortly.",
                    extensions: new Dictionary<string, object?> { ["code"] = Code }),
                StatusCodes.Status503ServiceUnavailable,
                TimeSpan.FromSeconds(DatabaseUnavailableHandler.RetryAfterSeconds))
            : null;
}
