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

    [Fact]
    public async Task An_import_that_cannot_reach_its_database_exits_with_its_own_code_and_says_nothing_was_changed()
    {
        // A port nothing listens on: a script must tell this (try again later) from seed data that will fail again.
        var nowhere = $"Host=127.0.0.1;Port={FreePort.OnLoopback()};Username=depin;Database=depin;Timeout=3";
        var seed = SeedFixture.Valid().Write();
        try
        {
            await using var import = DepinApiProcess.StartImport(nowhere, seed, "unreachable");

            Assert.True(await import.WaitForExitAsync() == CommandLine.Unavailable, import.Transcript);
            Assert.StartsWith("The database could not be reached; nothing was read or changed: ", import.Error.TrimStart());
        }
        finally
        {
            Directory.Delete(seed, recursive: true);
        }
    }
}
