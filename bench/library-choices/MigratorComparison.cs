using System.Data;
using System.Diagnostics;
using DbUp;
using DbUp.Engine;
using DepinApi.Database;
using Npgsql;

namespace LibraryChoices;

/// <summary>
/// The service's <see cref="Migrator"/> against DbUp (dbup-postgresql) doing the same job: the embedded schema/ files,
/// one transaction each, recorded with their checksums in <c>schema_migrations</c> (a journal of ours, since DbUp
/// records names only), under the same advisory lock (taken by us: DbUp has none). Timed on fresh databases of a
/// private cluster, and once more with nothing left to apply (what every replica's start-up does).
/// </summary>
public static class MigratorComparison
{
    private const int Runs = 5;

    public static async Task<int> RunAsync()
    {
        // Readable by the postgres user initdb runs as (CreateTempSubdirectory makes a folder only its owner may enter).
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "depin-migrators-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(root, "pg"), Port = FreeLoopbackPort(), Durable = false };
        await using var cluster = await EmbeddedPostgres.StartAsync(options);
        var ours = new List<double>();
        var dbup = new List<double>();
        var oursNothingToDo = new List<double>();
        var dbupNothingToDo = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var a = await cluster.EnsureDatabaseAsync($"ours_{run}");
            var b = await cluster.EnsureDatabaseAsync($"dbup_{run}");
            ours.Add(await TimeAsync(() => WithOursAsync(a)));
            dbup.Add(await TimeAsync(() => WithDbUpAsync(b)));
            oursNothingToDo.Add(await TimeAsync(() => WithOursAsync(a)));
            dbupNothingToDo.Add(await TimeAsync(() => WithDbUpAsync(b)));
            await AssertSameSchemaAsync(a, b);
        }
        Console.WriteLine($"{Migrator.Embedded.Count} migrations, {Runs} fresh databases each; median milliseconds");
        Console.WriteLine($"Migrator: fresh {Median(ours):F0}, nothing to apply {Median(oursNothingToDo):F1}");
        Console.WriteLine($"DbUp:     fresh {Median(dbup):F0}, nothing to apply {Median(dbupNothingToDo):F1}");
        Directory.Delete(root, recursive: true);
        return 0;
    }

    private static async Task WithOursAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new Migrator(dataSource).MigrateAsync();
    }

    private static async Task WithDbUpAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var locked = await dataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Migrator.AdvisoryLockKey})", locked))
            await take.ExecuteNonQueryAsync();
        try
        {
            var journal = new ChecksumJournal();
            await journal.RefuseEditedAsync(locked);
            var result = DeployChanges.To.PostgresqlDatabase(connectionString)
                .WithScripts(Migrator.Embedded.Select(m => new SqlScript(m.Name, m.Sql)))
                .WithTransactionPerScript()
                // $…$ is DbUp's variable syntax and Postgres' dollar quoting.
                .WithVariablesDisabled()
                .JournalTo(journal)
                .LogToNowhere()
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
                throw result.Error;
            await ReaderRole.EnsureGrantsAsync(locked, CancellationToken.None);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({Migrator.AdvisoryLockKey})", locked);
            await release.ExecuteNonQueryAsync();
        }
    }

    /// <summary>DbUp's journal, kept in the service's own table with the checksum DbUp does not record.</summary>
    private sealed class ChecksumJournal : IJournal
    {
        private const string CreateTable = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """;

        private List<string> applied = [];

        public async Task RefuseEditedAsync(NpgsqlConnection connection)
        {
            await using (var create = new NpgsqlCommand(CreateTable, connection))
                await create.ExecuteNonQueryAsync();
            await using var read = new NpgsqlCommand("SELECT name, checksum FROM schema_migrations", connection);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (name, checksum) = (reader.GetString(0), reader.GetString(1));
                if (Migrator.Embedded.FirstOrDefault(m => m.Name == name) is { } known && known.Checksum != checksum)
                    throw new MigrationException($"Migration {name} was changed after it was applied; add a new migration instead.");
                applied.Add(name);
            }
        }

        public string[] GetExecutedScripts() => [.. applied];

        public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory)
        {
            using var command = dbCommandFactory();
            command.CommandText = CreateTable;
            command.ExecuteNonQuery();
        }

        public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
        {
            var migration = Migrator.Embedded.Single(m => m.Name == script.Name);
            using var command = dbCommandFactory();
            command.CommandText = "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)";
            foreach (var (name, value) in new (string, object)[] { ("version", migration.Version), ("name", migration.Name), ("checksum", migration.Checksum) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            command.ExecuteNonQuery();
            applied.Add(script.Name);
        }
    }

    private static async Task AssertSameSchemaAsync(string a, string b)
    {
        static async Task<string> ShapeAsync(string connectionString)
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var command = dataSource.CreateCommand("""
                SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name)
                FROM information_schema.columns WHERE table_schema = 'public'
                """);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        if (await ShapeAsync(a) != await ShapeAsync(b))
            throw new InvalidOperationException("DbUp and the migrator left different schemas.");
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
