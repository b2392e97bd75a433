namespace DepinApi.Hosting;

/// <summary>
/// Where the user typed the command, so that a relative path given to a verb means what it meant in
/// their shell. <c>dotnet run --project src/DepinApi</c> starts the program in the project folder
/// (the Web SDK's RunWorkingDirectory), not where the command was typed. That folder is still the working
/// directory of <c>dotnet run</c> itself, the program's parent process (read from <c>/proc</c> on Linux); elsewhere
/// the shell's <c>PWD</c>, which the program inherits, names it, unless a caller that is no shell (a script's
/// subprocess, <c>make -C</c>) chose the directory without updating <c>PWD</c>. Anywhere else (a published binary, a
/// container, a test harness that chose a working directory), the working directory is the answer.
/// </summary>
public static class InvocationDirectory
{
    /// <summary>The project file that marks the working directory as the one <c>dotnet run</c> chose.</summary>
    public const string ProjectFile = "DepinApi.csproj";

    /// <summary>The directory relative paths resolve against, from the process's own state.</summary>
    public static string Current() =>
        Of(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable("PWD"), ParentWorkingDirectory());

    /// <summary>
    /// When the program runs in its project folder: <paramref name="parentDirectory"/> (where <c>dotnet run</c> runs)
    /// if known, else <paramref name="shellDirectory"/> (PWD), either only if it names an existing absolute directory;
    /// otherwise <paramref name="workingDirectory"/>.
    /// </summary>
    public static string Of(string workingDirectory, string? shellDirectory, string? parentDirectory = null)
    {
        if (!File.Exists(Path.Combine(workingDirectory, ProjectFile)))
            return workingDirectory;
        foreach (var candidate in new[] { parentDirectory, shellDirectory })
        {
            if (!string.IsNullOrEmpty(candidate) && Path.IsPathFullyQualified(candidate) && Directory.Exists(candidate))
                return candidate;
        }
        return workingDirectory;
    }

    /// <summary>
    /// The working directory of the parent process when it is <c>dotnet run</c>, on Linux; null elsewhere, for any
    /// other parent (a test harness starting the program as <c>dotnet run</c> would), or when it cannot be read.
    /// </summary>
    private static string? ParentWorkingDirectory()
    {
        try
        {
            // /proc/self/stat: "pid (command) state ppid …"; the command may hold spaces and parentheses.
            var stat = File.ReadAllText("/proc/self/stat");
            var parent = $"/proc/{int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)}";
            var arguments = File.ReadAllText(parent + "/cmdline").Split('\0');
            if (arguments.Length < 2 || Path.GetFileName(arguments[0]) != "dotnet" || arguments[1] != "run")
                return null;
            return Directory.ResolveLinkTarget(parent + "/cwd", returnFinalTarget: false)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>An absolute path for <paramref name="path"/> as the user typed it.</summary>
    public static string Resolve(string path) => Path.GetFullPath(path, Current());
}
