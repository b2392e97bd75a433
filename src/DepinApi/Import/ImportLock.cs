using System.Diagnostics;
using System.Globalization;
using DepinApi.Database;
using Npgsql;

namespace DepinApi.Import;

/// <summary>
/// The migrator's advisory lock, taken for the import's transaction, so imports never run
/// beside each other or beside a migration. It is released by the commit or rollback.
/// </summary>
internal static class ImportLock
{
    /// <summary>Takes the lock; returns a message when it had to wait for it, else null.</summary>
    public static async Task<string?> AcquireAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Action<string>? notice, CancellationToken cancellationToken)
    {
        await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({Migrator.AdvisoryLockKey})", connection, transaction))
        {
            if ((bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
                return null;
        }
        notice?.Invoke("Another import or a migration is running; waiting for it to finish.");
        var waited = Stopwatch.StartNew();
        // No command timeout: the other import may take a while; cancellation still applies.
        await using (var wait = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({Migrator.AdvisoryLockKey})", connection, transaction) { CommandTimeout = 0 })
            await wait.ExecuteNonQueryAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"Waited {waited.Elapsed.TotalSeconds:0.0} s for another import or a migration to finish; compared with the data as it left it.");
    }
}
