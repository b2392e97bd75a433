using System.Net;
using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DepinApi.Tests.Security;

/// <summary>
/// With ConnectionStrings:Depin naming a login of its own and ConnectionStrings:DepinAdmin the
/// owner, start-up makes the login a member of the reader role (and says so), and the server uses that login.
/// </summary>
public sealed class SeparateReaderLoginTests : IAsyncLifetime
{
    private readonly string login = "t_reader_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string password = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private string ownerConnection = "";
    private readonly LogCapture capture = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory = null!;

    public async Task InitializeAsync()
    {
        ownerConnection = await TestPostgres.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(ownerConnection))
        {
            await connection.OpenAsync();
            // A bare login that may do nothing yet: the service has to grant it the reader role.
            await using var create = new NpgsqlCommand($"CREATE ROLE {login} LOGIN PASSWORD '{password}'", connection);
            await create.ExecuteNonQueryAsync();
        }
        var readerConnection = new NpgsqlConnectionStringBuilder(ownerConnection) { Username = login, Password = password }.ConnectionString;
        factory = new ApiFactory(readerConnection, new Dictionary<string, string?>
        {
            ["ConnectionStrings:DepinAdmin"] = ownerConnection,
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        }).WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ownerConnection);
        await using var connection = new NpgsqlConnection(TestPostgres.WithDatabase(ownerConnection, "postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {login}", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_login_reads_through_the_reader_role_and_cannot_write_or_become_the_owner()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.Equal(login, await WriteAttempts.ScalarAsync<string>(dataSource, "SELECT current_user"));
        Assert.True(await WriteAttempts.ScalarAsync<bool>(dataSource, $"SELECT pg_has_role(current_user, '{ReaderRole.Name}', 'MEMBER')"));
        Assert.True(await WriteAttempts.ScalarAsync<long>(dataSource, "SELECT count(*) FROM revenue_figures") > 0);
        foreach (var sql in WriteAttempts.Statements)
            await WriteAttempts.AssertRefusedAsync(dataSource, sql);
        await WriteAttempts.AssertRefusedAsync(dataSource, $"SET ROLE {new NpgsqlConnectionStringBuilder(ownerConnection).Username}");
        Assert.Empty(await ReaderEscapeTests.EscapeWarningsAsync(factory.Services, capture));
    }

    [Fact]
    public void Making_the_login_a_member_of_the_reader_role_is_logged()
    {
        using var client = factory.CreateClient();

        var granted = Assert.Single(capture.Entries, e => e.Message.StartsWith($"Made {login} a member of {ReaderRole.Name}", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, granted.Level);
    }
}
