using Microsoft.Extensions.Options;

namespace DepinApi.Database;

/// <summary>What the service does with its database when it starts.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations at start-up (safe with several replicas: an advisory lock serialises them).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Import <see cref="SeedDirectory"/> at start-up when the database holds no data version yet.</summary>
    public bool ImportSeedWhenEmpty { get; set; } = true;

    /// <summary>The seed-data folder, relative to the working directory.</summary>
    public string SeedDirectory { get; set; } = "seed-data";

    /// <summary>Seconds a SQL command may run before it is cancelled.</summary>
    public int CommandTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// How often the one background readiness check runs (at least 1): <c>/readyz</c> answers from its latest
    /// result, so it lags the database by up to this long and a probe costs no connection.
    /// </summary>
    public int ReadinessCheckSeconds { get; set; } = 1;

    /// <summary>
    /// The most connections one instance opens to read (Npgsql's <c>Maximum Pool Size</c>; the connection that
    /// listens for new data versions and the readiness check come out of it). Keep instances × this, plus the
    /// owner connection of migrations and imports and Postgres' reserved slots, under <c>max_connections</c>
    /// (docs/scaling.md): with the default 100, three instances fit.
    /// </summary>
    public int MaxPoolSize { get; set; } = 30;

    /// <summary>
    /// The most database sessions one client (as the rate limiter knows it: API key or address) holds at once; its
    /// further requests wait for one of its own to finish. Requests share <see cref="MaxPoolSize"/> less the two
    /// connections of the server's own background work, and a freed session goes first to the waiting request
    /// whose client holds the fewest (docs/rate-limits.md, "Database sessions"). At least 1; a request uses one
    /// session at a time.
    /// </summary>
    public int SessionsPerClient { get; set; } = 4;

    /// <summary>
    /// Seconds a request waits for a database session before it is answered 503 <c>database-busy</c>
    /// (<c>DATABASE_BUSY</c> in GraphQL) with this as its <c>Retry-After</c>. At least 1.
    /// </summary>
    public int SessionWaitSeconds { get; set; } = 5;

    /// <summary>
    /// How often the server re-reads the data version when its reader connection cannot <c>LISTEN</c> (a hot
    /// standby, or a read-only session): it learns of an import this much later instead of at once.
    /// </summary>
    public int VersionPollSeconds { get; set; } = 5;

    /// <summary>
    /// Refuses values the service cannot run with. A pool no larger than the connections the server keeps open for
    /// itself leaves none for requests, and the data-version listener can lose its connection for good; a timeout or
    /// period of 0 would be none at all, or a loop without pause.
    /// </summary>
    internal sealed class Validator : IValidateOptions<DatabaseOptions>
    {
        public const int SmallestPool = FairSessionGate.ReservedForBackground + 1;

        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            var errors = new List<string>();
            AtLeast(errors, nameof(CommandTimeoutSeconds), options.CommandTimeoutSeconds, 1);
            AtLeast(errors, nameof(ReadinessCheckSeconds), options.ReadinessCheckSeconds, 1);
            AtLeast(errors, nameof(MaxPoolSize), options.MaxPoolSize, SmallestPool,
                $" (the server keeps {FairSessionGate.ReservedForBackground} open for its own work, and requests need one more)");
            AtLeast(errors, nameof(SessionsPerClient), options.SessionsPerClient, 1);
            AtLeast(errors, nameof(SessionWaitSeconds), options.SessionWaitSeconds, 1);
            AtLeast(errors, nameof(VersionPollSeconds), options.VersionPollSeconds, 1);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        private static void AtLeast(List<string> errors, string setting, int value, int least, string why = "")
        {
            if (value < least)
                errors.Add($"{Section}:{setting} is {value}; it must be at least {least}{why}.");
        }
    }
}
