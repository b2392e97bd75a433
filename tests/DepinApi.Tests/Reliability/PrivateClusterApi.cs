using DepinApi.Database;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// The service started the way an operator starts it without configuring a database: it runs a
/// private cluster of its own (here in a temporary folder), so a test may stop and restart that
/// cluster without disturbing the cluster the other tests share.
/// </summary>
public sealed class PrivateClusterApi : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "depin-outage-" + Guid.NewGuid().ToString("N")[..12]);

    public EmbeddedPostgresOptions ClusterOptions { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public const int CommandTimeoutSeconds = 2;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        ClusterOptions = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(root, "pg"), Port = FreePort.OnLoopback(), Durable = false };
        Factory = new ApiFactory("", new Dictionary<string, string?>
        {
            ["Database:Embedded:DataDirectory"] = ClusterOptions.DataDirectory,
            ["Database:Embedded:Port"] = ClusterOptions.Port.ToString(),
            ["Database:Embedded:Durable"] = "false",
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["Database:CommandTimeoutSeconds"] = CommandTimeoutSeconds.ToString(),
            ["RateLimiting:Enabled"] = "false",
        }).WithWebHostBuilder(b => b.ConfigureTestServices(DatabaseProbe.AddTo));
        // Starts the host: the cluster is initialised, migrated and the seed imported.
        _ = Factory.Services;
    }

    /// <summary>A handle on the running cluster, to stop and restart it.</summary>
    public Task<EmbeddedPostgres> ClusterAsync() => EmbeddedPostgres.StartAsync(ClusterOptions);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        // The service stops the cluster it started; make sure of it even if a test left it restarted by hand.
        await EmbeddedPostgres.StopIfRunningAsync(ClusterOptions);
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
