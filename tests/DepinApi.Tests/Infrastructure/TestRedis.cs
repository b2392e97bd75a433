using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DepinApi.Tests.Infrastructure;

/// <summary>
/// A private <c>redis-server</c> (Debian's package) on a free loopback port, without persistence. Fault tests stop
/// and start it again on the same port; <see cref="Shared"/> is one server for the tests that only need one to exist
/// (each of them uses a key prefix of its own).
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    private static readonly Lazy<Task<TestRedis>> shared = new(StartSharedAsync);
    private Process? _process;

    private TestRedis(int port) => Port = port;

    public int Port { get; }

    /// <summary>The value for <c>ConnectionStrings:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static Task<TestRedis> Shared => shared.Value;

    /// <summary>A key prefix no other test uses, for <c>Redis:KeyPrefix</c>.</summary>
    public static string NewKeyPrefix() => "t" + Guid.NewGuid().ToString("N")[..12] + ":";

    /// <summary>
    /// What a replica needs to share this server: its connection string, <paramref name="keyPrefix"/> (a new one when
    /// null) and a patient timeout. The service's 250 ms is a production figure; on a busy test machine a script can take
    /// longer, and the request would then be decided in process, which is not what a test of sharing measures. Tests of
    /// a slow Redis set their own timeout after these settings.
    /// </summary>
    public (string Key, string? Value)[] ReplicaSettings(string? keyPrefix = null) =>
        [("ConnectionStrings:Redis", ConnectionString), ("Redis:KeyPrefix", keyPrefix ?? NewKeyPrefix()),
         ("Redis:TimeoutMilliseconds", "10000")];

    public static async Task<TestRedis> StartAsync()
    {
        var redis = new TestRedis(FreePort.OnLoopback());
        await redis.RestartAsync();
        return redis;
    }

    private static async Task<TestRedis> StartSharedAsync()
    {
        var redis = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => redis.StopAsync().GetAwaiter().GetResult();
        // The test host is often ended without its exit handlers running; a watcher ends the server with it.
        var watch = new ProcessStartInfo("sh") { UseShellExecute = false };
        watch.ArgumentList.Add("-c");
        watch.ArgumentList.Add($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; kill {redis._process!.Id}");
        Process.Start(watch)?.Dispose();
        return redis;
    }

    /// <summary>Starts the server (again) on its port and returns once it accepts connections.</summary>
    public async Task RestartAsync()
    {
        var program = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no" })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode} (is Debian's redis-server installed?)");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on {Port}");
    }

    /// <summary>Kills the server: connections drop at once, as when Redis's host fails.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        await SignalAsync("CONT");
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Freezes (SIGSTOP) or thaws (SIGCONT) the server: connections stay open and nothing answers, as with a stalled Redis.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>The points held in the server's rate-limit windows, whatever their prefix.</summary>
    public async Task<long> SpentPointsAsync(long burstPoints, long windowMilliseconds)
    {
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var database = connection.GetDatabase();
        long total = 0;
        // A bucket's balance is in 1/(window in ms) of a point; what it lacks of a full bucket was spent (less refills).
        await foreach (var key in server.KeysAsync(pattern: "*rl:*:bucket"))
            total += (burstPoints * windowMilliseconds - (long)await database.HashGetAsync(key, "b")) / windowMilliseconds;
        return total;
    }

    /// <summary>The in-flight places held in the server, whatever their prefix and client.</summary>
    public async Task<long> InFlightPlacesAsync()
    {
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var database = connection.GetDatabase();
        long total = 0;
        await foreach (var key in server.KeysAsync(pattern: "*rl:*:inflight"))
            total += await database.SortedSetLengthAsync(key);
        return total;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
