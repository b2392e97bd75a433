using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// The built service run as its own process, the way an operator runs it:
/// <c>dotnet DepinApi.dll &lt;verb&gt;</c>, configured through environment variables.
/// Disposing kills it if it is still running, so a failing test leaves no process behind.
/// </summary>
public sealed class DepinApiProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private DepinApiProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>DepinApi.dll is built next to the test assembly.</summary>
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "DepinApi.dll");

    /// <summary>
    /// <c>import &lt;dir&gt;</c> as the owner. The application name tells its Postgres sessions apart
    /// from everyone else's in pg_stat_activity.
    /// </summary>
    public static DepinApiProcess StartImport(string connectionString, string directory, string applicationName)
    {
        var named = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = applicationName }.ConnectionString;
        return Start(["import", directory], new Dictionary<string, string>
        {
            ["ConnectionStrings__Depin"] = named,
            ["ConnectionStrings__DepinAdmin"] = named,
        });
    }

    /// <summary>The HTTP server on a loopback port, with the given configuration keys (as <c>Section__Key</c>).</summary>
    public static DepinApiProcess StartServer(string connectionString, int port, IReadOnlyDictionary<string, string> settings) =>
        Start(["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings__Depin"] = connectionString,
        });

    /// <summary>
    /// Any verb as the owner, started in <paramref name="workingDirectory"/> (without an appsettings.json of its own, the program reads the one beside it) with
    /// the extra environment variables given, e.g. the PWD of the shell a user typed the command in.
    /// </summary>
    public static DepinApiProcess StartVerb(string connectionString, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment) =>
        Start(arguments, new Dictionary<string, string>(environment)
        {
            ["ConnectionStrings__Depin"] = connectionString,
            ["ConnectionStrings__DepinAdmin"] = connectionString,
        }, workingDirectory);

    private static DepinApiProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null)
    {
        // The test run's own dotnet, when the SDK says which one it is.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            // The content root: appsettings.json is copied beside the assembly.
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Nothing inherited may point the child at another database or address.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                                                              || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        // Many servers run at once: none may take the metrics port unless its test names one.
        start.Environment["Metrics__Urls"] = "";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return new DepinApiProcess(Process.Start(start) ?? throw new InvalidOperationException($"{dotnet} did not start"));
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output => Read(output);

    public string Error => Read(error);

    /// <summary>Everything the process wrote, for failure messages.</summary>
    public string Transcript => $"stdout:\n{Output}\nstderr:\n{Error}";

    /// <summary>Waits for the process to end and for its output to be read; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Poll.Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"DepinApi (pid {Id}) did not exit within {patience ?? Poll.Patience}.\n{Transcript}");
        }
        return process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill() => process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM, as a container runtime or systemd sends it to stop a service.</summary>
    public void Terminate()
    {
        if (SendSignal(Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill({Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
            return;
        lock (text)
            text.AppendLine(line);
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
            return text.ToString();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
