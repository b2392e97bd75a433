using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.Security;

/// <summary>
/// With one connection string (the owner's) the server's sessions start as the reader role:
/// the data source the application resolves can read but never write or change the schema.
/// </summary>
public sealed class ReaderPrivilegeTests(ReaderPrivilegeTests.Fixture fixture) : IClassFixture<ReaderPrivilegeTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiFactory Factory { get; private set; } = null!;
        public NpgsqlDataSource ServerDataSource => Factory.Services.GetRequiredService<NpgsqlDataSource>();

        public async Task InitializeAsync() => Factory = await ApiFactory.WithSeedDataAsync();
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(WriteAttempts.All), MemberType = typeof(WriteAttempts))]
    public Task The_servers_connection_is_refused_every_write(string sql) =>
        WriteAttempts.AssertRefusedAsync(fixture.ServerDataSource, sql);

    [Fact]
    public async Task The_servers_connection_reads_as_the_reader_role()
    {
        Assert.Equal(ReaderRole.Name, await WriteAttempts.ScalarAsync<string>(fixture.ServerDataSource, "SELECT current_user"));
        Assert.True(await WriteAttempts.ScalarAsync<long>(fixture.ServerDataSource, "SELECT count(*) FROM projects") > 0);
    }

    [Fact]
    public async Task Resetting_the_session_keeps_the_reader_role()
    {
        // DISCARD ALL is what a pool sends between uses; RESET ROLE is the obvious way out.
        await using var connection = await fixture.ServerDataSource.OpenConnectionAsync();
        await using (var reset = new NpgsqlCommand("DISCARD ALL", connection))
            await reset.ExecuteNonQueryAsync();
        await using (var reset = new NpgsqlCommand("RESET ROLE", connection))
            await reset.ExecuteNonQueryAsync();
        await using var insert = new NpgsqlCommand("DELETE FROM projects", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_owner_connection_still_writes_so_imports_work()
    {
        var owner = fixture.Factory.Services.GetRequiredService<DatabaseStartup>().Connections.Owner;
        await using var dataSource = NpgsqlDataSource.Create(owner);
        await using var transaction = await (await dataSource.OpenConnectionAsync()).BeginTransactionAsync();
        await using var update = new NpgsqlCommand("UPDATE projects SET name = name", transaction.Connection, transaction);
        Assert.True(await update.ExecuteNonQueryAsync() > 0);
        await transaction.RollbackAsync();
    }
}
