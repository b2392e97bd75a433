using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using Npgsql;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// A client that reads a large GraphQL response slowly holds no database session: the resolvers' read session goes
/// back to the pool when execution ends, before the (fully built) response is written, instead of staying "idle in
/// transaction" for as long as the client takes to read.
/// </summary>
public sealed class GraphQLSlowReaderTests : IAsyncLifetime
{
    // What the service names its reader sessions; the test's database is its own, so they are the service's.
    private const string ApplicationName = "depin-api";

    private string connectionString = "";
    private ApiFactory factory = null!;
    private int port;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync();
        factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "false",
            // Through the resolvers, the path that reads in a session; large enough to outlast every buffer on the way.
            ["GraphQL:CompiledExecution"] = "false",
            ["GraphQL:CacheEnabled"] = "false",
            ["GraphQL:MaxAliases"] = "1000",
            ["GraphQL:MaxCost"] = "1000000",
            ["GraphQL:MaxQueryLength"] = "100000",
            ["GraphQL:MaxRequestBytes"] = "200000",
            ["GraphQL:MaxResponseBytes"] = "100000000",
        });
        port = FreePort.OnLoopback();
        factory.UseKestrel(port);
        factory.StartServer();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_slowly_read_response_leaves_no_session_idle_in_transaction()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"r{i}: revenue {{ ...F }}"));
        var query = "{ " + aliases + " } fragment F on RevenueFigure { id project quarter metric amountUsd value basis quote source { id publisher title publishedLabel url } }";
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query }));

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var head = $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        await socket.SendAsync(body);

        // The status line comes only once the result is built: execution has ended.
        var buffer = new byte[512];
        using (var patience = new CancellationTokenSource(Poll.Patience))
        {
            var first = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token);
            Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(buffer, 0, first));
        }

        long read = 0;
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(0, await SessionsIdleInTransactionAsync());
            read += await socket.ReceiveAsync(buffer, SocketFlags.None);
            await Task.Delay(100);
        }
        // Still far from the end of a response of several megabytes: the client is still reading.
        Assert.True(read < 100_000, $"read {read} bytes");
        Assert.Equal(0, await SessionsIdleInTransactionAsync());
    }

    private async Task<long> SessionsIdleInTransactionAsync()
    {
        // As another application, so the observer does not count itself.
        var observer = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "slow-reader-observer" }.ConnectionString;
        await using var connection = new NpgsqlConnection(observer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND state LIKE 'idle in transaction%'", connection);
        command.Parameters.AddWithValue(ApplicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
