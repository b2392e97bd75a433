namespace DepinApi.Tests.Reliability;

/// <summary>
/// Stops an import inside its transaction, after it has written: an EXCLUSIVE lock on
/// revenue_figures lets the importer read the table but not change it. By the time it needs
/// to, the importer holds the import lock, has inserted the new data_versions row and has
/// superseded the changed rows of the files before revenue (sources, projects).
/// </summary>
public sealed class ImportStall : IAsyncDisposable
{
    private const string Table = "revenue_figures";

    private readonly TableLock tableLock;

    private ImportStall(TableLock tableLock) => this.tableLock = tableLock;

    public static async Task<ImportStall> HoldAsync(string connectionString) =>
        new(await TableLock.HoldAsync(connectionString, Table, "EXCLUSIVE"));

    /// <summary>
    /// Waits until a session of one of the named applications is blocked on the held lock inside
    /// a transaction that holds the import's advisory lock and has written a new data version.
    /// </summary>
    /// <returns>The application and the Postgres backend of the stalled import.</returns>
    public Task<StalledImport> WaitForStalledImportAsync(params string[] applicationNames) => Poll.UntilAsync(async () =>
    {
        await using var command = tableLock.Observer.CreateCommand($"""
            SELECT a.application_name, a.pid FROM pg_stat_activity a
            WHERE a.datname = current_database() AND a.application_name = ANY($1)
              AND a.backend_xid IS NOT NULL
              AND EXISTS (SELECT FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted
                          AND l.locktype = 'relation' AND l.relation = '{Table}'::regclass)
              AND EXISTS (SELECT FROM pg_locks l WHERE l.pid = a.pid AND l.granted AND l.locktype = 'advisory')
              AND EXISTS (SELECT FROM pg_locks l WHERE l.pid = a.pid AND l.granted AND l.locktype = 'relation'
                          AND l.relation = 'data_versions'::regclass AND l.mode = 'RowExclusiveLock')
            """);
        command.Parameters.AddWithValue(applicationNames);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new StalledImport(reader.GetString(0), reader.GetInt32(1)) : null;
    }, $"an import by {string.Join(" or ", applicationNames)} stalled on {Table} after writing");

    /// <summary>Waits until a session of the application waits for the advisory lock of imports and migrations.</summary>
    public Task WaitForLockWaiterAsync(string applicationName) => Poll.UntilAsync(async () =>
    {
        await using var command = tableLock.Observer.CreateCommand("""
            SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
            WHERE a.datname = current_database() AND a.application_name = $1 AND l.locktype = 'advisory' AND NOT l.granted
            """);
        command.Parameters.AddWithValue(applicationName);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }, $"{applicationName} waiting for the import lock");

    public Task ReleaseAsync() => tableLock.ReleaseAsync();

    public ValueTask DisposeAsync() => tableLock.DisposeAsync();
}

public sealed record StalledImport(string ApplicationName, int BackendPid);
