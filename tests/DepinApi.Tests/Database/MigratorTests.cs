using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using Npgsql;

namespace DepinApi.Tests.Database;

public class MigratorTests
{
    [Fact]
    public async Task Template_database_has_every_migration_recorded()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal(Migrator.LatestVersion, await Migrator.CurrentVersionAsync(connection, default));
    }

    [Fact]
    public async Task Running_again_applies_nothing()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.Empty(await new Migrator(dataSource).MigrateAsync());
    }

    [Fact]
    public async Task Replicas_migrating_at_once_apply_each_migration_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using (var reset = new NpgsqlConnection(connectionString))
        {
            // Start from an empty schema so every replica has all migrations to apply.
            await reset.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", reset);
            await drop.ExecuteNonQueryAsync();
        }
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new Migrator(dataSource).MigrateAsync()));
        Assert.Equal(Migrator.Embedded.Count, runs.Sum(r => r.Count));
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        Assert.Equal((long)Migrator.Embedded.Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_edited_migration_is_refused()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var tamper = new NpgsqlCommand("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1", connection);
            await tamper.ExecuteNonQueryAsync();
        }
        var error = await Assert.ThrowsAsync<MigrationException>(() => new Migrator(dataSource).MigrateAsync());
        Assert.Contains("0001_core.sql", error.Message);
    }
}
