using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;
using Npgsql;

namespace DepinApi.Tests.Security.HostileInput;

[CollectionDefinition(Name)]
public sealed class HostileInputCollection : ICollectionFixture<HostileInputApi>
{
    public const string Name = "Hostile input";
}

/// <summary>
/// One database with the seed data, served twice: in memory (fast, for the bulk of the cases) and on a real loopback
/// socket (Kestrel's own limits and request parsing, which the in-memory server does not have). Rate limiting is off so
/// that no answer is a 429 in place of the answer under test. The database's snapshot is taken before any hostile
/// request, so each barrage can show afterwards that nothing changed.
/// </summary>
public sealed class HostileInputApi : IAsyncLifetime
{
    /// <summary>Generous beside the configured limits (GraphQL execution 15 s): a hang, not a slow machine, trips it.</summary>
    public static readonly TimeSpan RequestPatience = TimeSpan.FromSeconds(20);

    /// <summary>Short, so the slow-header case takes seconds; the mechanism is the same at the default 15 s.</summary>
    public const int HeadersTimeoutSeconds = 2;

    private NpgsqlDataSource dataSource = null!;

    public ApiFactory InMemory { get; private set; } = null!;
    public ApiFactory Socket { get; private set; } = null!;
    public HttpClient InMemoryClient { get; private set; } = null!;
    public HttpClient SocketClient { get; private set; } = null!;
    public DatabaseSnapshot Before { get; private set; } = null!;

    /// <summary>The database both hosts serve, for a host with other settings.</summary>
    public string ConnectionString { get; private set; } = "";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["RateLimiting:Enabled"] = "false",
        ["Database:ImportSeedWhenEmpty"] = "true",
        ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        ["Server:RequestHeadersTimeoutSeconds"] = HeadersTimeoutSeconds.ToString(),
    };

    public async Task InitializeAsync()
    {
        var connectionString = ConnectionString = await TestPostgres.CreateDatabaseAsync();
        dataSource = NpgsqlDataSource.Create(connectionString);

        InMemory = new ApiFactory(connectionString, Settings());
        InMemoryClient = WithPatience(InMemory.CreateClient());
        // The first host imported the seed; the second finds it there.
        Socket = new ApiFactory(connectionString, Settings());
        Socket.UseKestrel(0);
        Socket.StartServer();
        SocketClient = WithPatience(Socket.CreateClient());

        Before = await DatabaseSnapshot.TakeAsync(dataSource);
    }

    /// <summary>The loopback address the real server listens on.</summary>
    public Uri SocketAddress => SocketClient.BaseAddress!;

    /// <summary>After a barrage: every table as it was, and both hosts still ready.</summary>
    public async Task AssertUnharmedAsync()
    {
        DatabaseSnapshot.AssertSame(Before, await DatabaseSnapshot.TakeAsync(dataSource));
        foreach (var client in new[] { InMemoryClient, SocketClient })
        {
            using var cancel = new CancellationTokenSource(RequestPatience);
            using var ready = await client.GetAsync("/readyz", cancel.Token);
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        }
    }

    public async Task DisposeAsync()
    {
        InMemoryClient.Dispose();
        SocketClient.Dispose();
        await InMemory.DisposeAsync();
        await Socket.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    // The per-request token names the case when it fires; this is only the backstop behind it.
    private static HttpClient WithPatience(HttpClient client)
    {
        client.Timeout = RequestPatience + TimeSpan.FromSeconds(10);
        return client;
    }
}
