using System.Data;
using Npgsql;

namespace DepinApi.Import;

/// <summary>
/// Imports the seed CSV files of a directory as a new data version. Every file is validated
/// first and nothing is written unless all are valid; the write is one transaction under the
/// migrator's advisory lock. Printing is left to the caller (see <see cref="ImportResult.WriteReport"/>).
/// </summary>
/// <param name="metrics">Told each import's duration and changed rows; null where nobody collects them (the CLI).</param>
public sealed class SeedImporter(NpgsqlDataSource adminDataSource, Observability.DepinMetrics? metrics = null)
{
    /// <summary>The channel notified with the new version's id when an import commits.</summary>
    public const string NotifyChannel = "depin_data_version";

    /// <summary>The files an import reads, in the order they are checked and written.</summary>
    public static IReadOnlyList<string> FileNames { get; } = SeedFiles.All.Select(s => s.FileName).ToList();

    public Task<ImportResult> ImportAsync(string directory, CancellationToken ct) => ImportAsync(directory, notice: null, ct);

    /// <param name="notice">Told at once when the import has to wait for another one.</param>
    public async Task<ImportResult> ImportAsync(string directory, Action<string>? notice, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await ImportOnceAsync(directory, notice, ct);
        metrics?.Imported(System.Diagnostics.Stopwatch.GetElapsedTime(started), result);
        return result;
    }

    private async Task<ImportResult> ImportOnceAsync(string directory, Action<string>? notice, CancellationToken ct)
    {
        var validation = await SeedValidator.ValidateAsync(directory, SeedFiles.All, ct);
        if (validation.Errors.Count > 0)
            return ImportResult.Failed(validation.Errors, []);

        await using var connection = await adminDataSource.OpenConnectionAsync(ct);
        // Read committed: once the lock is held, each statement sees what an import before it committed.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var waitMessage = await ImportLock.AcquireAsync(connection, transaction, notice, ct);
        IReadOnlyList<string> notices = waitMessage is null ? [] : [waitMessage];

        var diffs = new List<TableDiff>();
        foreach (var file in validation.Files)
        {
            var current = await CurrentRows.LoadAsync(connection, transaction, file.Spec, ct);
            diffs.Add(TableDiff.Compare(file.Spec, file.Rows.Select(r => r.Values).ToList(), current));
        }
        var counts = diffs.ToDictionary(d => d.Spec.Name, d => d.Counts);
        if (!diffs.Any(d => d.Counts.HasChanges))
        {
            await transaction.RollbackAsync(ct);
            return ImportResult.Done(null, counts, notices, waited: waitMessage is not null);
        }

        int version;
        try
        {
            version = await VersionWriter.WriteAsync(connection, transaction, diffs, SourceDirectoryLabel(directory), ct);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // An integrity rule the validation does not know about; the transaction rolls back.
            var file = diffs.FirstOrDefault(d => d.Spec.Table == e.TableName)?.Spec.FileName ?? "(database)";
            return ImportResult.Failed([new ImportError(file, 1, 1, $"the database refused the rows: {e.MessageText}")], notices);
        }
        await transaction.CommitAsync(ct);
        try
        {
            await VersionWriter.RefreshStatisticsAsync(connection, diffs, ct);
        }
        catch (NpgsqlException e)
        {
            // The version is committed and served; only the planner's estimates wait for autovacuum.
            notices = [.. notices, $"data version {version} is imported, but its tables' statistics were not refreshed: {e.Message}"];
        }
        return ImportResult.Done(version, counts, notices, waited: waitMessage is not null);
    }

    // Recorded with the version to say where its data came from; without trailing separators so the same folder reads the same.
    private static string SourceDirectoryLabel(string directory) =>
        Path.TrimEndingDirectorySeparator(directory) is { Length: > 0 } trimmed ? trimmed : directory;
}
