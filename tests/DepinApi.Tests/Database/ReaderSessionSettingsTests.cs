using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.Database;

/// <summary>
/// A reader session starts with JIT compilation off, and the option adds to the ones the reader's connection string
/// already carries (here the switch to the reader role) rather than replacing them.
/// </summary>
public sealed class ReaderSessionSettingsTests
{
    [Fact]
    public async Task A_reader_session_has_jit_off_and_still_works_as_the_reader_role()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());
        await using var connection = await factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();

        Assert.Equal("off", await ScalarAsync(connection, "SHOW jit"));
        Assert.Equal(ReaderRole.Name, await ScalarAsync(connection, "SELECT current_user::text"));
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
