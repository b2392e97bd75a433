namespace DepinApi.Database;

/// <summary>
/// A request waited <see cref="DatabaseOptions.SessionWaitSeconds"/> for a database session and got none
/// (<see cref="FairSessionGate"/>): answered 503 <c>database-busy</c> (REST) or <c>DATABASE_BUSY</c> (GraphQL) with a
/// <c>Retry-After</c>, never left to hang.
/// </summary>
public sealed class DatabaseBusyException : Exception
{
    public DatabaseBusyException()
        : this(waitSeconds: 0, atOwnLimit: false)
    {
    }

    public DatabaseBusyException(string message)
        : base(message)
    {
    }

    public DatabaseBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseBusyException(int waitSeconds, bool atOwnLimit)
        : base(Describe(waitSeconds, atOwnLimit))
    {
        WaitSeconds = waitSeconds;
        AtOwnLimit = atOwnLimit;
    }

    /// <summary>How long the request waited, in seconds: also the <c>Retry-After</c> it is answered with.</summary>
    public int WaitSeconds { get; }

    /// <summary>True when the client itself held its most sessions all the while (its own requests kept it waiting).</summary>
    public bool AtOwnLimit { get; }

    /// <summary>This exception, if <paramref name="exception"/> is one or wraps one (a resolver's or a loader's failure).</summary>
    public static DatabaseBusyException? Find(Exception exception)
    {
        // Bounded, as a pathological chain of wrapped exceptions must not keep the error path busy.
        Exception? current = exception;
        for (var depth = 0; current is not null && depth < 16; depth++)
        {
            if (current is DatabaseBusyException busy) return busy;
            current = current is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0] : current.InnerException;
        }
        return null;
    }

    private static string Describe(int waitSeconds, bool atOwnLimit) => atOwnLimit
        ? $"This client's other requests held all the database sessions one client may hold at once for longer than {waitSeconds} s; send fewer requests at a time, or retry later."
        : $"The database sessions were all in use for longer than {waitSeconds} s; retry later.";
}
