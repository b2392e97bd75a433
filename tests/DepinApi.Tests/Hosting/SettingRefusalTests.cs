using System.Net;
using System.Net.Sockets;
using DepinApi.Hosting;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;

namespace DepinApi.Tests.Hosting;

/// <summary>
/// A setting the service cannot run with stops it the way an operator can act on: one line naming the setting, the
/// value and what is expected, and exit code 78 (EX_CONFIG), not an unhandled exception's stack trace and an abort
/// (134). The settings are checked before the database is touched, so most cases need none.
/// </summary>
public sealed class SettingRefusalTests
{
    // Nothing listens here: a server that got as far as the database would exit 69, not 78.
    private static string Nowhere => $"Host=127.0.0.1;Port={FreePort.OnLoopback()};Username=depin;Database=depin;Timeout=3";

    [Theory]
    [InlineData("Rest__CursorKey", "abc", "Rest:CursorKey is not base64; it must be base64 of at least 32 bytes")]
    [InlineData("Rest__CursorKey", "AAAAAAAAAAAAAAAAAAAAAA==", "Rest:CursorKey is base64 of 16 bytes")]
    [InlineData("RateLimiting__Anonymous__BurstPoints", "0", "RateLimiting:Anonymous:BurstPoints must be at least 1, got 0.")]
    [InlineData("RateLimiting__RedisFailureMode", "Bogus", "RateLimiting:RedisFailureMode is 'Bogus', which is not one of FallBackToProcess, Refuse.")]
    [InlineData("ForwardedHeaders__KnownNetworks__0", "10.0.0.0/99", "ForwardedHeaders:KnownNetworks: '10.0.0.0/99' is not a network in CIDR form")]
    [InlineData("Server__PublicBaseUrl", "ftp://x", "Server:PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("Database__CommandTimeoutSeconds", "-1", "Database:CommandTimeoutSeconds is -1; it must be at least 1.")]
    [InlineData("Database__MaxPoolSize", "0", "Database:MaxPoolSize is 0; it must be at least 3")]
    [InlineData("Database__MaxPoolSize", "many", "Database:MaxPoolSize is 'many', which is not a whole number.")]
    [InlineData("Database__SessionsPerClient", "0", "Database:SessionsPerClient is 0; it must be at least 1.")]
    [InlineData("Database__ReadinessCheckSeconds", "0", "Database:ReadinessCheckSeconds is 0; it must be at least 1.")]
    [InlineData("Metrics__Path", "nope", "Metrics:Path is 'nope'; it must start with '/'")]
    [InlineData("Memory__ReturnLargeNativeBlocks", "sometimes", "Memory:ReturnLargeNativeBlocks is 'sometimes', which is not true or false.")]
    public async Task A_setting_that_cannot_work_stops_the_server_with_one_line_and_exit_code_78(string setting, string value, string said)
    {
        await using var server = DepinApiProcess.StartServer(Nowhere, FreePort.OnLoopback(), new Dictionary<string, string>
        {
            [setting] = value,
        });

        Assert.True(await server.WaitForExitAsync() == CommandLine.Misconfigured, server.Transcript);
        AssertSaidOnceWithoutStackTrace(server, said);
    }

    [Fact]
    public async Task A_metrics_port_already_taken_stops_the_server_naming_Metrics_Urls()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var metrics = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        try
        {
            await using var server = DepinApiProcess.StartServer(connectionString, FreePort.OnLoopback(), new Dictionary<string, string>
            {
                ["ConnectionStrings__DepinAdmin"] = connectionString,
                ["Database__ImportSeedWhenEmpty"] = "false",
                ["Metrics__Urls"] = metrics,
            });

            Assert.True(await server.WaitForExitAsync() == CommandLine.Misconfigured, server.Transcript);
            AssertSaidOnceWithoutStackTrace(server, $"Metrics:Urls is '{metrics}', where another process already listens");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static void AssertSaidOnceWithoutStackTrace(DepinApiProcess server, string said)
    {
        // The log writes JSON, which escapes the apostrophe.
        var transcript = server.Transcript.Replace("\\u0027", "'", StringComparison.Ordinal);
        Assert.Single(transcript.Split('\n'), line => line.Contains(said, StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", transcript, StringComparison.Ordinal);
        // A stack frame, on a line of its own or inside a JSON log entry's exception.
        Assert.DoesNotContain("   at ", transcript, StringComparison.Ordinal);
    }
}
