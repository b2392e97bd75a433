using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.Database;

/// <summary>
/// A reader session has JIT compilation off (set when its connection opens) and still works as the reader role, which
/// the reader's connection string switches to when it logs in as the owner.
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
