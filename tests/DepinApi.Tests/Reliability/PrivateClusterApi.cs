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

    // Patient, as most test hosts here are: on a loaded machine a login or a query can outlast a short command timeout,
    // and the service would then rightly answer 503 where a test expects it to serve. A connection refused or broken by
    // an outage fails at once whatever the timeout; a test about the timeout itself uses WithCommandTimeout.
    private const int CommandTimeoutSeconds = 60;

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

    /// <summary>
    /// Another instance of the service over the same cluster, with a command timeout of <paramref name="seconds"/>. It
    /// leaves the cluster running when it stops: the class's service still uses it.
    /// </summary>
    public WebApplicationFactory<Program> WithCommandTimeout(int seconds) => Factory.WithWebHostBuilder(b => b
        .UseSetting("Database:CommandTimeoutSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("Database:Embedded:StopOnDispose", "false"));

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
