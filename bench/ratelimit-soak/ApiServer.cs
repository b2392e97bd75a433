using System.Diagnostics;
using System.Globalization;

namespace RateLimitSoak;

/// <summary>
/// The API as a separate Release process on loopback, with its own private database cluster and port, trusting
/// 127.0.0.1 as a proxy so the soak can present many client addresses in X-Forwarded-For.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private ApiServer(Process process, string dataDirectory, Uri baseAddress, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>The server is gone: the soak reports its exit code and last lines instead of figures.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The server's last lines of output.</summary>
    public IEnumerable<string> RecentOutput => _output.TakeLast(40);

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<ApiServer> StartAsync(SoakSettings settings, string repositoryRoot)
    {
        var dll = settings.ServerDll ?? await BuildAsync(repositoryRoot);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ratelimit-soak-" + Guid.NewGuid().ToString("N")[..8]);
        var baseAddress = new Uri($"http://127.0.0.1:{(settings.Port > 0 ? settings.Port : FreePort())}");
        var postgresPort = settings.PostgresPort > 0 ? settings.PostgresPort : FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            // The request log has a level of its own (appsettings.json), which Default does not lower.
            ["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware"] = "Warning",
            // The scrape endpoint stays on, as in production, on a port of the system's choosing.
            ["Metrics__Urls"] = "http://127.0.0.1:0",
            ["Database__SeedDirectory"] = Path.Combine(repositoryRoot, "seed-data"),
            ["Database__Embedded__DataDirectory"] = dataDirectory,
            ["Database__Embedded__Port"] = postgresPort.ToString(CultureInfo.InvariantCulture),
            ["Database__Embedded__Durable"] = "false",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["RateLimiting__Enabled"] = "true",
            ["RateLimiting__WindowSeconds"] = settings.WindowSeconds.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting__Anonymous__PointsPerWindow"] = settings.PointsPerWindow.ToString(CultureInfo.InvariantCulture),
            // A burst of one window's points, so what a client can be admitted is that plus the rate, whatever the defaults.
            ["RateLimiting__Anonymous__BurstPoints"] = settings.PointsPerWindow.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting__Anonymous__ConcurrentRequests"] = settings.ConcurrentRequests.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in environment.Concat(settings.ServerSettings))
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // Drained so a chatty server never blocks on a full pipe; the last lines are shown if it fails.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ApiServer(process, dataDirectory, baseAddress, output);
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            foreach (var line in server.RecentOutput)
                Console.Error.WriteLine("  server: " + line);
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Resident memory of the server process, from /proc; 0 once it has exited.</summary>
    public long ResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (_process.HasExited || !File.Exists(status))
            return 0;
        foreach (var line in File.ReadLines(status))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
            return;
        output.Enqueue(line);
        while (output.Count > 200)
            output.TryDequeue(out _);
    }

    private static async Task<string> BuildAsync(string repositoryRoot)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "ratelimit-soak-build");
        Console.WriteLine($"building src/DepinApi (Release) into {artifacts} ...");
        var build = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "build", Path.Combine(repositoryRoot, "src", "DepinApi"), "-c", "Release", "--nologo", "-v", "q", "--artifacts-path", artifacts })
            build.ArgumentList.Add(argument);
        using var process = Process.Start(build)!;
        var log = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException("Building the API failed:\n" + log);
        return Path.Combine(artifacts, "bin", "DepinApi", "release", "DepinApi.dll");
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was ready.");
            try
            {
                using var response = await http.GetAsync("/readyz");
                // Still running after answering: an answer from another server on the port is not ours.
                if (response.IsSuccessStatusCode && !_process.HasExited)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The server was not ready within 3 minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM, not Kill: the server stops its private database cluster on a graceful shutdown.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        try
        {
            if (Directory.Exists(_dataDirectory))
                Directory.Delete(_dataDirectory, recursive: true);
            // The cluster keeps its password and port in files beside its folder.
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_dataDirectory)!, Path.GetFileName(_dataDirectory) + ".*"))
                File.Delete(file);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
