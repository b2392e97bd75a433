using System.Diagnostics;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Topology;

/// <summary>Debian's <c>haproxy</c> in the foreground, running the repository's <c>deploy/haproxy.cfg</c> over the given replicas.</summary>
public sealed class HaproxyProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HaproxyProcess(Process process, int port, int statsPort)
    {
        _process = process;
        Port = port;
        StatsPort = statsPort;
    }

    public int Port { get; }

    public int StatsPort { get; }

    public static HaproxyProcess Start(int port, int statsPort, IReadOnlyList<int> replicaPorts)
    {
        var program = File.Exists("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy";
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-db", "-f", Path.Combine(RepositoryPaths.Root, "deploy", "haproxy.cfg") })
            start.ArgumentList.Add(argument);
        start.Environment["LISTEN"] = $"127.0.0.1:{port}";
        start.Environment["STATS_LISTEN"] = $"127.0.0.1:{statsPort}";
        for (var i = 0; i < replicaPorts.Count; i++)
            start.Environment[$"API_{i + 1}"] = $"127.0.0.1:{replicaPorts[i]}";
        var process = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start (is Debian's haproxy installed?)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HaproxyProcess(process, port, statsPort);
    }

    /// <summary>Each server's status from the statistics page (<c>UP</c>, <c>DOWN</c>, …), by server name.</summary>
    public async Task<Dictionary<string, string>> ServerStatusAsync(HttpClient client)
    {
        var csv = await client.GetStringAsync(new Uri($"http://127.0.0.1:{StatsPort}/stats;csv"));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        var status = Array.IndexOf(header, "status");
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == "replicas" && f[1] is not ("BACKEND" or "FRONTEND"))
            .ToDictionary(f => f[1], f => f[status]);
    }

    /// <summary>Whether the statistics page answers and shows every server up.</summary>
    public async Task<bool> AllUpAsync(HttpClient client)
    {
        try
        {
            var servers = await ServerStatusAsync(client);
            return servers.Count > 0 && servers.Values.All(s => s == "UP");
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
