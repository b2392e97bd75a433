using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace DepinApi.Import;

/// <summary>
/// Writes one data version inside the caller's transaction: the version row, new identity keys,
/// valid_to on superseded rows, the new rows, and the notification. Nothing is updated in place
/// except valid_to, and nothing is deleted, so every earlier version can still be served.
/// </summary>
internal static class VersionWriter
{
    public static async Task<int> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TableDiff> diffs,
        string sourceDirectory, CancellationToken cancellationToken)
    {
        var version = await InsertVersionAsync(connection, transaction, diffs, sourceDirectory, cancellationToken);
        // Identity keys first: figures reference them by foreign key.
        foreach (var diff in diffs)
            if (diff.Spec.KeyTable is { } keyTable)
                await InsertKeysAsync(connection, transaction, keyTable, diff.AddedKeys.ToArray(), cancellationToken);
        // Supersede before inserting: only one current row per key is allowed.
        foreach (var diff in diffs)
            await SupersedeAsync(connection, transaction, diff, version, cancellationToken);
        foreach (var diff in diffs)
            await CopyNewRowsAsync(connection, diff, version, cancellationToken);
        await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction);
        notify.Parameters.AddWithValue(SeedImporter.NotifyChannel);
        notify.Parameters.AddWithValue(version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await notify.ExecuteNonQueryAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// Refreshes the planner's statistics of the tables a committed version wrote to. Until autovacuum gets to a table
    /// the planner knows nothing of what was added (a new database's tables have no statistics at all) and plans every
    /// read of it as of an empty table. Run after the commit: ANALYZE in the import's transaction would hold its lock
    /// on every table for the analysis too.
    /// </summary>
    public static async Task RefreshStatisticsAsync(NpgsqlConnection connection, IReadOnlyList<TableDiff> diffs, CancellationToken cancellationToken)
    {
        var changed = diffs.Where(d => d.Counts.HasChanges).ToList();
        var tables = changed.Select(d => d.Spec.Table)
            .Concat(changed.Select(d => d.Spec.KeyTable?.Table).OfType<string>())
            .Append("data_versions")
            .Distinct(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"ANALYZE {SqlName.List(tables)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> InsertVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TableDiff> diffs,
        string sourceDirectory, CancellationToken cancellationToken)
    {
        // max + 1 is safe: the advisory lock admits one import at a time.
        await using var command = new NpgsqlCommand("""
            INSERT INTO data_versions (id, summary, source_dir)
            SELECT coalesce(max(id), 0) + 1, $1, $2 FROM data_versions
            RETURNING id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Summary(diffs), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.AddWithValue(sourceDirectory);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Summary(IReadOnlyList<TableDiff> diffs) => JsonSerializer.Serialize(
        diffs.ToDictionary(d => d.Spec.Name, d => new Dictionary<string, int>
        {
            ["added"] = d.Counts.Added,
            ["changed"] = d.Counts.Changed,
            ["removed"] = d.Counts.Removed,
            ["unchanged"] = d.Counts.Unchanged,
        }));

    private static async Task InsertKeysAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, KeyTable keyTable, string[] keys, CancellationToken cancellationToken)
    {
        if (keys.Length == 0)
            return;
        // A key seen in an earlier version is already there (keys are never removed).
        var column = SqlName.Quote(keyTable.Column);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {SqlName.Quote(keyTable.Table)} ({column}) SELECT unnest($1::text[]) ON CONFLICT ({column}) DO NOTHING",
            connection, transaction);
        command.Parameters.AddWithValue(keys);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SupersedeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TableDiff diff, int version, CancellationToken cancellationToken)
    {
        var keys = diff.SupersededKeys.ToArray();
        if (keys.Length == 0)
            return;
        var spec = diff.Spec;
        await using var command = new NpgsqlCommand(
            $"UPDATE {SqlName.Quote(spec.Table)} SET valid_to = $1 WHERE valid_to IS NULL AND {SqlName.Quote(spec.KeyColumn)} = ANY($2)",
            connection, transaction);
        command.Parameters.AddWithValue(version);
        command.Parameters.AddWithValue(keys);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyNewRowsAsync(NpgsqlConnection connection, TableDiff diff, int version, CancellationToken cancellationToken)
    {
        if (diff.Added.Count + diff.Changed.Count == 0)
            return;
        var columns = diff.Spec.DbColumns;
        var names = SqlName.List(columns.Select(c => c.Name).Append("valid_from"));
        // COPY joins the connection's open transaction.
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {SqlName.Quote(diff.Spec.Table)} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in diff.Added.Concat(diff.Changed))
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (row[i] is null)
                    await importer.WriteNullAsync(cancellationToken);
                else
                    await importer.WriteAsync(row[i], columns[i].NpgsqlType, cancellationToken);
            }
            await importer.WriteAsync(version, NpgsqlDbType.Integer, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }
}
