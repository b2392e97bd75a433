using DepinApi.Hosting;
using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// A server that cannot prepare its database says why once, as the verbs do, and exits with 1: its seed data's errors
/// by file, line and column, not an unhandled exception's stack trace printed twice and an abort (134).
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task Invalid_seed_data_on_a_first_start_is_listed_and_the_server_exits_with_1()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var seed = SeedFixture.Valid().Replace("revenue.csv", ",estimate,", ",guess,").Write();
        try
        {
            await using var server = DepinApiProcess.StartServer(connectionString, FreePort.OnLoopback(), new Dictionary<string, string>
            {
                ["ConnectionStrings__DepinAdmin"] = connectionString,
                ["Database__ImportSeedWhenEmpty"] = "true",
                ["Database__SeedDirectory"] = seed,
                ["Metrics__Urls"] = "",
            });

            Assert.True(await server.WaitForExitAsync() == CommandLine.Failed, server.Transcript);
            Assert.Contains("is not valid; nothing was imported (1 error(s)):", server.Error);
            Assert.Matches(@"revenue\.csv:\d+:\d+: unknown basis 'guess'", server.Error);
            Assert.DoesNotContain("Unhandled exception", server.Transcript);
        }
        finally
        {
            Directory.Delete(seed, recursive: true);
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
