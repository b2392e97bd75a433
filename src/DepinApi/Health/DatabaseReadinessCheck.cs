using DepinApi.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DepinApi.Health;

/// <summary>
/// The one readiness check against the database: run by the health check publisher once per
/// <see cref="DatabaseOptions.ReadinessCheckSeconds"/>, never by a request. One pooled connection
/// answers the schema version and the newest data version (which also refreshes the tracker).
/// </summary>
public sealed class DatabaseReadinessCheck(NpgsqlDataSource dataSource, DataVersionTracker tracker, ILogger<DatabaseReadinessCheck> logger)
    : IHealthCheck, IDisposable
{
    public const string Name = "database";

    // The publisher's timer does not wait for a slow run (a stalled database) before starting the next: a run
    // still under way answers for the next tick, so one check at a time holds a connection.
    private readonly SemaphoreSlim running = new(1, 1);
    private HealthCheckResult last = HealthCheckResult.Unhealthy("database-unavailable", data: Readiness.Unavailable.AsData());

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A zero timeout never waits, so there is nothing to cancel.
        if (!running.Wait(0, CancellationToken.None))
            return last;
        try
        {
            return last = await CheckAsync(cancellationToken);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        int schemaVersion;
        DataVersionInfo? dataVersion;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            schemaVersion = await Migrator.CurrentVersionAsync(connection, cancellationToken);
            dataVersion = await tracker.ReloadAsync(connection, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // The driver's message names hosts and ports: it goes to the log, not to an anonymous client. Debug only:
            // this runs every second, and ReadinessState logs the change from ready to not ready once.
            logger.LogDebug(e, "Readiness check: the database did not answer.");
            return Result(Readiness.Unavailable);
        }
        // The data version is read again each run: an import under the running server makes it ready without a restart.
        return Result(new Readiness(schemaVersion, dataVersion, Reachable: true));
    }

    // What was found travels as the result's data (Readiness.Of); its status and words follow from it.
    private static HealthCheckResult Result(Readiness readiness) => readiness.NotReadyReason is { } reason
        ? HealthCheckResult.Unhealthy(reason, data: readiness.AsData())
        : HealthCheckResult.Healthy("ready", readiness.AsData());

    public void Dispose() => running.Dispose();
}

/// <summary>What the last readiness check found.</summary>
public sealed record Readiness(int SchemaVersion, DataVersionInfo? DataVersion, bool Reachable)
{
    private const string Key = "readiness";

    public static readonly Readiness Unavailable = new(0, null, Reachable: false);

    public bool IsSchemaCurrent => SchemaVersion == Migrator.LatestVersion;

    /// <summary>Something has been imported: without it every data request is a 503 <c>no-data</c>.</summary>
    public bool HasData => DataVersion is not null;

    /// <summary>Whether to send this instance traffic: every data request can be answered.</summary>
    public bool IsReady => Reachable && IsSchemaCurrent && HasData;

    /// <summary>Why the instance is not ready, in words for the log; null when it is.</summary>
    public string? NotReadyReason =>
        !Reachable ? "the database did not answer"
        : !IsSchemaCurrent ? $"the database is at schema version {SchemaVersion}, this build expects {Migrator.LatestVersion}"
        : !HasData ? "no data imported yet"
        : null;

    public IReadOnlyDictionary<string, object> AsData() => new Dictionary<string, object> { [Key] = this };

    /// <summary>The finding in a health report's entry, or unavailable when the check itself failed or timed out.</summary>
    public static Readiness Of(HealthReportEntry entry) =>
        entry.Data.TryGetValue(Key, out var found) && found is Readiness readiness ? readiness : Unavailable;
}
