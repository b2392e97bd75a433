using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using Npgsql;

namespace DepinApi.Tests.Database;

/// <summary>
/// <c>migrate</c> against an operator's own Postgres, as an owner login that is no superuser: each migration is printed
/// as it is committed, and a privilege the owner lacks is named with the SQL an administrator runs to grant it, where
/// Postgres alone said "42501: …" after committing the migrations before it and the output listed none of them.
/// </summary>
public sealed class OwnerLoginMigrateTests : IAsyncLifetime
{
    private readonly string owner = "t_owner_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string database = "t_own_" + Guid.NewGuid().ToString("N")[..12];
    private string scratch = "";
    private string admin = "";

    public async Task InitializeAsync()
    {
        // The test cluster's superuser, from a database made only to learn it.
        scratch = await TestPostgres.CreateDatabaseAsync();
        admin = TestPostgres.WithDatabase(scratch, "postgres");
        // The cluster's reader role exists already (other databases of the test cluster were migrated), made by a
        // superuser: the case of an administrator who created it and gave the owner nothing on it.
        await AsAdminAsync($"CREATE ROLE {owner} LOGIN PASSWORD 'owner'", $"CREATE DATABASE {database} OWNER {owner}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AsAdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"DROP OWNED BY {owner}", $"DROP ROLE IF EXISTS {owner}");
        await TestPostgres.DropDatabaseAsync(scratch);
    }

    [Fact]
    public async Task A_missing_privilege_is_named_with_the_sql_that_grants_it_and_the_committed_migrations_are_listed()
    {
        var asOwner = new NpgsqlConnectionStringBuilder(TestPostgres.WithDatabase(admin, database)) { Username = owner, Password = "owner" }.ConnectionString;

        await using (var refused = DepinApiProcess.StartVerb(asOwner, ["migrate"], AppContext.BaseDirectory, new Dictionary<string, string>()))
        {
            Assert.True(await refused.WaitForExitAsync() == 1, refused.Transcript);
            foreach (var migration in Migrator.Embedded)
                Assert.Contains($"applied {migration.Name}", refused.Output);
            Assert.Contains($"the owner login {owner} may not grant the role {ReaderRole.Name} (it needs ADMIN OPTION on it)", refused.Error);
            Assert.Contains($"An administrator runs, in the database {database}: GRANT {ReaderRole.Name} TO \"{owner}\" WITH ADMIN OPTION;", refused.Error);
        }

        await AsAdminAsync($"GRANT {ReaderRole.Name} TO \"{owner}\" WITH ADMIN OPTION");
        await using var migrated = DepinApiProcess.StartVerb(asOwner, ["migrate"], AppContext.BaseDirectory, new Dictionary<string, string>());
        Assert.True(await migrated.WaitForExitAsync() == 0, migrated.Transcript);
        Assert.Contains($"Schema up to date at version {Migrator.LatestVersion}", migrated.Output);
        // As the database's owner, migrate took temporary tables from everyone but the owner.
        await using var connection = new NpgsqlConnection(TestPostgres.WithDatabase(admin, database));
        await connection.OpenAsync();
        await using var temporary = new NpgsqlCommand($"SELECT has_database_privilege('{ReaderRole.Name}', '{database}', 'TEMPORARY')", connection);
        Assert.False((bool)(await temporary.ExecuteScalarAsync())!);
    }

    private async Task AsAdminAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
