using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DepinApi.Tests.Infrastructure;

/// <summary>
/// The whole service in memory, over a database of its own. Settings are passed the way an
/// operator would pass them (configuration keys), so the tests exercise the real start-up path.
/// </summary>
public sealed class ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A factory over a new, migrated database with the repository's seed data imported.</summary>
    public static async Task<ApiFactory> WithSeedDataAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        WithSeedData(await TestPostgres.CreateDatabaseAsync(), settings);

    /// <summary>A factory over <paramref name="connectionString"/>'s database that imports the seed data at start when it is empty.</summary>
    public static ApiFactory WithSeedData(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(connectionString, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        });

    /// <summary>
    /// Serves the app on a real Kestrel port on loopback, for tests that need sockets of their own (slow readers,
    /// silent connections, held connections); starts it now and returns the port.
    /// </summary>
    public int StartOnLoopback()
    {
        var port = FreePort.OnLoopback();
        this.UseKestrel(port);
        StartServer();
        return port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Depin", connectionString);
        builder.UseSetting("Database:ImportSeedWhenEmpty", "false");
        // Many factories run at once: none may take the metrics port (a test that wants it names its own).
        builder.UseSetting("Metrics:Urls", "");
        // The in-memory server's host, as an operator would publish it; links are then absolute, as in production.
        builder.UseSetting("Server:PublicBaseUrl", "http://localhost");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
