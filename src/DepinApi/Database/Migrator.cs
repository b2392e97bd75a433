using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// Applies the numbered SQL files of <c>schema/</c> (embedded in this assembly) in order, each in
/// its own transaction, and records them in <c>schema_migrations</c>.
/// </summary>
/// <remarks>
/// A session-level advisory lock is held for the whole run, so replicas starting together
/// apply each migration once: the others wait, then find nothing left to do. A migration that
/// was edited after it was applied is refused, since the database would no longer match the file.
/// <para>
/// Not DbUp (dbup-postgresql 7.0.1): measured in <c>bench/library-choices</c> (docs/dependencies.md), DbUp doing the
/// same job needs the lock taken around it, a journal of our own (it records script names, not checksums), the
/// checksum refusal and the embedded-file loading all the same: about as many lines as this class, behind a
/// synchronous API, and half again as slow on a fresh database.
/// </para>
/// </remarks>
public sealed class Migrator(NpgsqlDataSource dataSource)
{
    // An arbitrary constant shared by every instance of this service ("depin" in ASCII).
    public const long AdvisoryLockKey = 0x646570696E;

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>The version of the newest migration this build knows.</summary>
    public static int LatestVersion => Embedded[^1].Version;

    public Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(notice: null, cancellationToken);

    /// <param name="notice">Told at once when another migration or an import holds the lock and this run has to wait.</param>
    public Task<IReadOnlyList<Migration>> MigrateAsync(Action<string>? notice, CancellationToken cancellationToken) =>
        MigrateAsync(notice, applied: null, cancellationToken);

    /// <param name="notice">Told at once when another migration or an import holds the lock and this run has to wait.</param>
    /// <param name="applied">Told of each migration once it is committed, so a later failure cannot hide it.</param>
    /// <param name="cancellationToken">Rolls back the migration under way.</param>
    /// <exception cref="MigrationException">
    /// Also for a privilege the owner login lacks, saying which and the SQL an administrator runs to grant it.
    /// </exception>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(Action<string>? notice, Action<Migration>? applied,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryLockKey})", connection))
        {
            if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
            {
                notice?.Invoke("Another import or a migration is running; waiting for it to finish.");
                await using var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection) { CommandTimeout = 0 };
                await wait.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var recorded = await AppliedAsync(connection, cancellationToken);
            var done = new List<Migration>();
            Migration? current = null;
            try
            {
                foreach (var migration in Embedded)
                {
                    if (recorded.TryGetValue(migration.Version, out var checksum))
                    {
                        if (checksum != migration.Checksum)
                            throw new MigrationException($"Migration {migration.Name} was changed after it was applied; add a new migration instead.");
                        continue;
                    }
                    current = migration;
                    await ApplyAsync(connection, migration, cancellationToken);
                    done.Add(migration);
                    applied?.Invoke(migration);
                }
                current = null;
                await ReaderRole.EnsureGrantsAsync(connection, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new MigrationException(OwnerPrivileges.Explain(e, connection.UserName ?? "the owner", connection.Database, current));
            }
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>The newest applied version, or 0 when the schema has never been migrated.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE (SELECT coalesce(max(version), 0) FROM schema_migrations) END",
            connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
        {
            record.Parameters.AddWithValue(migration.Version);
            record.Parameters.AddWithValue(migration.Name);
            record.Parameters.AddWithValue(migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            applied[reader.GetInt32(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        const string prefix = "DepinApi.schema.";
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Migration.Load(assembly, n, n[prefix.Length..]))
            .OrderBy(m => m.Version)
            .ToList();
        if (migrations.Count == 0)
            throw new MigrationException("No migrations are embedded in this build.");
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1)
                throw new MigrationException($"Migrations must be numbered 1, 2, 3 … without gaps; found {migrations[i].Name} at position {i + 1}.");
        return migrations;
    }
}

public sealed record Migration(int Version, string Name, string Sql, string Checksum)
{
    internal static Migration Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var digits = new string(fileName.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
            throw new MigrationException($"Migration file {fileName} must start with its number, e.g. 0002_name.sql.");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
        return new Migration(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), fileName, sql, checksum);
    }
}

public sealed class MigrationException(string message) : Exception(message);
