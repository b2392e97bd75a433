using Npgsql;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// A table lock held by the test in an open transaction, to stop other sessions deterministically
/// at the statement that needs the table, and a separate connection to watch them wait
/// (pg_stat_activity read inside the holder's transaction would not change).
/// </summary>
public sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection holder;
    private NpgsqlTransaction? held;

    private TableLock(string table, NpgsqlConnection holder, NpgsqlTransaction held, NpgsqlDataSource observer)
    {
        Table = table;
        this.holder = holder;
        this.held = held;
        Observer = observer;
    }

    public string Table { get; }

    /// <summary>For queries about the other sessions of the database.</summary>
    public NpgsqlDataSource Observer { get; }

    /// <param name="mode">A lock mode from code, e.g. <c>EXCLUSIVE</c> or <c>ACCESS EXCLUSIVE</c>.</param>
    public static async Task<TableLock> HoldAsync(string connectionString, string table, string mode)
    {
        var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {table} IN {mode} MODE", holder, transaction))
            await lockTable.ExecuteNonQueryAsync();
        return new TableLock(table, holder, transaction, NpgsqlDataSource.Create(connectionString));
    }

    /// <summary>Waits until at least <paramref name="count"/> sessions of the application wait for this lock.</summary>
    public Task WaitForWaitersAsync(string applicationName, int count) => Poll.UntilAsync(async () =>
    {
        await using var command = Observer.CreateCommand($"""
            SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
            WHERE a.datname = current_database() AND a.application_name = $1
              AND NOT l.granted AND l.locktype = 'relation' AND l.relation = '{Table}'::regclass
            """);
        command.Parameters.AddWithValue(applicationName);
        return (long)(await command.ExecuteScalarAsync())! >= count;
    }, $"{count} session(s) of {applicationName} waiting for the lock on {Table}");

    public async Task ReleaseAsync()
    {
        if (held is null)
            return;
        await held.RollbackAsync();
        await held.DisposeAsync();
        held = null;
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await holder.DisposeAsync();
        await Observer.DisposeAsync();
    }
}
