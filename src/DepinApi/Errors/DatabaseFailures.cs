using System.Net.Sockets;
using Npgsql;

namespace DepinApi.Errors;

/// <summary>
/// Tells a database that is down, restarting, overloaded or too slow apart from a fault in the
/// service itself: the first is worth a 503 the client may retry, the second is a 500.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>True when <paramref name="exception"/>, or one it wraps, says the database could not answer in time.</summary>
    /// <param name="requestAborted">Cancellation because the client went away is not a database failure.</param>
    public static bool IsUnavailable(Exception exception, bool requestAborted) =>
        Flatten(exception).Any(e => IsUnavailableCause(e, requestAborted));

    private static bool IsUnavailableCause(Exception exception, bool requestAborted) => exception switch
    {
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        // Without a server error the failure lies in reaching the server: refused or broken
        // connections, a command timeout, an exhausted pool.
        NpgsqlException => true,
        TimeoutException or SocketException => true,
        // A timeout surfaced as cancellation (a CancelAfter on a command); the client's own
        // disconnect is left to the host.
        OperationCanceledException => !requestAborted,
        _ => false,
    };

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)     // connection exception
        || sqlState.StartsWith("53", StringComparison.Ordinal)  // insufficient resources: too many connections, out of memory, disk full
        || sqlState.StartsWith("58", StringComparison.Ordinal)  // system error: I/O
        || sqlState is PostgresErrorCodes.AdminShutdown          // 57P01: the server is shutting down
            or PostgresErrorCodes.CrashShutdown                  // 57P02
            or PostgresErrorCodes.CannotConnectNow               // 57P03: starting up or in recovery
            or PostgresErrorCodes.DatabaseDropped                // 57P04: the database went away under the session
            or PostgresErrorCodes.InvalidCatalogName             // 3D000: the database does not exist (dropped, not yet restored)
            or PostgresErrorCodes.QueryCanceled                  // 57014: statement timeout or our cancellation
            or PostgresErrorCodes.LockNotAvailable;              // 55P03: lock_timeout

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        // Bounded: a pathological chain of wrapped exceptions must not keep the error path busy.
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    pending.Push(inner);
            else if (current.InnerException is { } inner)
                pending.Push(inner);
        }
    }
}
