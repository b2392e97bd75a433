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
    /// How often the server re-reads the data version when its reader connection cannot <c>LISTEN</c> (a hot
    /// standby, or a read-only session): it learns of an import this much later instead of at once.
    /// </summary>
    public int VersionPollSeconds { get; set; } = 5;
}
