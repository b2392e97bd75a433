using Npgsql;

namespace DepinApi.Database;

/// <summary>The newest data version, as this instance last learned it.</summary>
public sealed record DataVersionInfo(int Id, DateTimeOffset ImportedAt);

/// <summary>
/// Holds the current data version in memory so that cache keys and ETags cost no query.
/// Kept fresh by <see cref="DataVersionListener"/>; anyone may ask it to reload.
/// </summary>
public sealed class DataVersionTracker
{
    private readonly NpgsqlDataSource dataSource;
    private volatile DataVersionInfo? current;

    public DataVersionTracker(NpgsqlDataSource dataSource, Observability.DepinMetrics? metrics = null)
    {
        this.dataSource = dataSource;
        metrics?.ObserveDataVersion(() => current?.Id);
    }

    /// <summary>Null until the first successful load, and when the database holds no data yet.</summary>
    public DataVersionInfo? Current => current;

    /// <summary>Raised after the version changed (an import finished somewhere).</summary>
    public event Action<DataVersionInfo>? Changed;

    public async Task<DataVersionInfo?> ReloadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(NewestSql);
        return await ReloadAsync(command, cancellationToken);
    }

    /// <summary>Reloads on a connection the caller already holds.</summary>
    public async Task<DataVersionInfo?> ReloadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(NewestSql, connection);
        return await ReloadAsync(command, cancellationToken);
    }

    private const string NewestSql = "SELECT id, created_at FROM data_versions ORDER BY id DESC LIMIT 1";

    private async Task<DataVersionInfo?> ReloadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var loaded = await reader.ReadAsync(cancellationToken)
            ? new DataVersionInfo(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
        var previous = current;
        current = loaded;
        if (loaded is not null && loaded != previous)
            Changed?.Invoke(loaded);
        return loaded;
    }
}
