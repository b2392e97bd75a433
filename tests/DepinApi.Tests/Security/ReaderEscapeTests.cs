using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DepinApi.Tests.Security;

/// <summary>
/// Whether a reader session can leave the SELECT-only role: the private cluster's own login cannot, and the server
/// warns at start-up when its reader login could (a superuser, or a member of the role that owns the tables).
/// </summary>
public sealed class ReaderEscapeTests
{
    /// <summary>
    /// The reader-login warnings a started server logged, once its check (a background service, run after start) is
    /// done: read earlier, an empty list would say nothing.
    /// </summary>
    internal static async Task<LogCapture.Entry[]> EscapeWarningsAsync(IServiceProvider services, LogCapture capture)
    {
        var check = services.GetServices<IHostedService>().OfType<ReaderEscapeWarning>().Single();
        await check.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
        return capture.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("SET ROLE", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public async Task A_superuser_as_the_one_connection_string_is_warned_of_at_start_up()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using (var admin = NpgsqlDataSource.Create(connectionString))
            Assert.True(await WriteAttempts.ScalarAsync<bool>(admin, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"),
                "the test cluster's admin login is expected to be a superuser");
        var capture = new LogCapture();
        await using var factory = new ApiFactory(connectionString)
            .WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));

        var warning = Assert.Single(await EscapeWarningsAsync(factory.Services, capture));
        Assert.Contains("is a superuser", warning.Message);
        Assert.Contains(new NpgsqlConnectionStringBuilder(connectionString).Username!, warning.Message);
    }

    [Fact]
    public async Task The_private_clusters_reader_login_cannot_leave_the_reader_role_and_is_not_warned_of()
    {
        var root = Path.Combine(Path.GetTempPath(), "depin-reader-" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(root, "pg"), Port = FreePort.OnLoopback(), Durable = false };
        var capture = new LogCapture();
        var factory = new ApiFactory("", new Dictionary<string, string?>
        {
            ["Database:Embedded:DataDirectory"] = cluster.DataDirectory,
            ["Database:Embedded:Port"] = cluster.Port.ToString(),
            ["Database:Embedded:Durable"] = "false",
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "false",
        }).WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        try
        {
            var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();
            Assert.Empty(await EscapeWarningsAsync(factory.Services, capture));

            await using var connection = await dataSource.OpenConnectionAsync();
            Assert.Equal(EmbeddedPostgres.ReaderLogin, await ScalarAsync<string>(connection, "SELECT session_user::text"));
            Assert.False(await ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = session_user"));
            Assert.False(await ScalarAsync<bool>(connection, $"SELECT pg_has_role(session_user, '{EmbeddedPostgres.OwnerRole}', 'MEMBER')"));
            foreach (var escape in new[]
                     {
                         $"SET ROLE {EmbeddedPostgres.OwnerRole}",
                         $"SET SESSION AUTHORIZATION {EmbeddedPostgres.OwnerRole}",
                         "SET ROLE pg_write_all_data",
                         "SET ROLE pg_read_server_files",
                         "SELECT pg_read_file('postgresql.conf')",
                         "COPY projects TO PROGRAM 'true'",
                         "SELECT lo_import('/etc/passwd')",
                         "CREATE TEMP TABLE intruder (id int)",
                     })
                await AssertRefusedAsync(connection, escape);
            // RESET ROLE leads back to the login itself, which holds nothing beyond the reader role.
            await ExecuteAsync(connection, "RESET ROLE");
            Assert.Equal(EmbeddedPostgres.ReaderLogin, await ScalarAsync<string>(connection, "SELECT current_user::text"));
            Assert.True(await ScalarAsync<long>(connection, "SELECT count(*) FROM projects") > 0);
            foreach (var sql in WriteAttempts.Statements)
                await AssertRefusedAsync(connection, sql);
        }
        finally
        {
            await factory.DisposeAsync();
            await EmbeddedPostgres.StopIfRunningAsync(cluster);
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task AssertRefusedAsync(NpgsqlConnection connection, string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, sql));
        Assert.True(error.SqlState == PostgresErrorCodes.InsufficientPrivilege,
            $"{sql}: expected 42501 insufficient_privilege, got {error.SqlState} {error.MessageText}");
    }
}
