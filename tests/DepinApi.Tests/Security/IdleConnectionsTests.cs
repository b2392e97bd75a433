using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Security;

/// <summary>
/// Connections that send nothing do not fill the server: near Server:MaxConnections the idle ones, longest idle first,
/// are closed so a new client's request is answered.
/// </summary>
public sealed class IdleConnectionsShedTests : IAsyncLifetime
{
    private const int MaxConnections = 40;
    private ApiFactory factory = null!;
    private int port;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["Server:MaxConnections"] = MaxConnections.ToString(CultureInfo.InvariantCulture),
            ["Server:ConnectionsKeptFree"] = "4",
            // Long, so that only shedding can free a place during the test.
            ["Server:FirstRequestTimeoutSeconds"] = "600",
            ["Server:KeepAliveTimeoutSeconds"] = "600",
        });
        port = factory.StartOnLoopback();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Silent_connections_from_several_addresses_past_the_limit_are_shed_and_a_new_client_is_answered()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        // A used connection, now idle: it may be shed too, and the client reconnects.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        var silent = new List<Socket>();
        try
        {
            // 4 addresses x 12: more than the server allows in all, fewer than the per-address cap each.
            for (var a = 2; a <= 5; a++)
                for (var i = 0; i < 12; i++)
                    silent.Add(await ConnectFromAsync(IPAddress.Parse($"127.0.0.{a}")));

            using var newcomer = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            using var health = await newcomer.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var ready = await newcomer.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

            // At least the connections beyond the limit were closed, the oldest among them.
            var closed = await ClosedWithinAsync(silent, TimeSpan.FromSeconds(30), atLeast: silent.Count - MaxConnections);
            Assert.True(closed.Count >= silent.Count - MaxConnections, $"{closed.Count} of {silent.Count} silent connections closed");
            Assert.Contains(silent[0], closed);
            Assert.DoesNotContain(silent[^1], closed);
        }
        finally
        {
            foreach (var socket in silent) socket.Dispose();
        }
    }

    internal async Task<Socket> ConnectFromAsync(IPAddress source)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(source, 0));
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    /// <summary>The sockets the server has closed (a read would end or fail), waiting until <paramref name="atLeast"/> are.</summary>
    internal static async Task<List<Socket>> ClosedWithinAsync(List<Socket> sockets, TimeSpan wait, int atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var closed = sockets.Where(IsClosedByPeer).ToList();
            if (closed.Count >= atLeast || clock.Elapsed > wait) return closed;
            await Task.Delay(100);
        }
    }

    internal static bool IsClosedByPeer(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}

/// <summary>A connection whose first request does not arrive within Server:FirstRequestTimeoutSeconds is closed.</summary>
public sealed class FirstRequestTimeoutTests : IAsyncLifetime
{
    private const int WaitSeconds = 2;
    private ApiFactory factory = null!;
    private int port;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["Server:FirstRequestTimeoutSeconds"] = WaitSeconds.ToString(CultureInfo.InvariantCulture),
        });
        port = factory.StartOnLoopback();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_silent_connection_is_closed_after_the_first_request_wait_and_a_used_one_is_not()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await silent.ConnectAsync(IPAddress.Loopback, port);
        var clock = Stopwatch.StartNew();

        using var used = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await used.ConnectAsync(IPAddress.Loopback, port);
        await used.SendAsync("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray());
        var buffer = new byte[4096];
        Assert.True(await used.ReceiveAsync(buffer) > 0);

        // Without the wait, Kestrel's keep-alive timeout (30 s here, 130 s by default) would apply.
        var closed = await IdleConnectionsShedTests.ClosedWithinAsync([silent], TimeSpan.FromSeconds(25), atLeast: 1);
        Assert.Single(closed);
        Assert.True(clock.Elapsed.TotalSeconds >= WaitSeconds - 0.5, $"closed after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.False(IdleConnectionsShedTests.IsClosedByPeer(used));
    }
}
