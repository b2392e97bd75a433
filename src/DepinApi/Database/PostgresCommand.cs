using System.Diagnostics;

namespace DepinApi.Database;

/// <summary>
/// Runs PostgreSQL's programs (initdb, pg_ctl, pg_basebackup …). PostgreSQL refuses to run as root, so when this
/// process is root they run as the <c>postgres</c> system user, and the folders they use are given to that user.
/// </summary>
public static class PostgresCommand
{
    public static bool RunsAsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>Runs the program; fails, naming it and quoting its output, when it exits with anything but 0.</summary>
    /// <param name="environment">Added to the program's environment: where a password goes, so no process listing shows it.</param>
    public static async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = await TryRunAsync(program, arguments, cancellationToken, environment);
        if (exitCode != 0)
            throw new EmbeddedPostgresException($"{Path.GetFileName(program)} {arguments[0]} failed (exit {exitCode}): {output.Trim()}");
    }

    /// <summary>Runs the program; returns its exit code and its standard output and error.</summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(string program, string[] arguments,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        // runuser keeps the arguments intact (no shell) and the environment as it is.
        var start = RunsAsRoot
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"Could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Gives <paramref name="path"/> (and everything in it) to the postgres system user; nothing unless this is root.</summary>
    public static void GiveToPostgresUser(string path)
    {
        if (!RunsAsRoot) return;
        var info = Process.Start(new ProcessStartInfo("chown", ["-R", "postgres:postgres", path]) { RedirectStandardError = true })!;
        info.WaitForExit();
        if (info.ExitCode != 0)
            throw new EmbeddedPostgresException($"Could not give '{path}' to the postgres system user: {info.StandardError.ReadToEnd()}");
    }
}
