namespace DepinApi.Hosting;

/// <summary>
/// Where the user typed the command, so that a relative path given to a verb means what it meant in
/// their shell. <c>dotnet run --project src/DepinApi</c> starts the program in the project folder
/// (the Web SDK's RunWorkingDirectory), not where the command was typed; the shell's <c>PWD</c>,
/// which the program inherits, still names that folder. Anywhere else (a published binary, a
/// container, a test harness that chose a working directory), the working directory is the answer.
/// </summary>
public static class InvocationDirectory
{
    /// <summary>The project file that marks the working directory as the one <c>dotnet run</c> chose.</summary>
    public const string ProjectFile = "DepinApi.csproj";

    /// <summary>The directory relative paths resolve against, from the process's own state.</summary>
    public static string Current() =>
        Of(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable("PWD"));

    /// <summary>
    /// <paramref name="shellDirectory"/> (PWD) when the program runs in its project folder and PWD names
    /// another existing absolute directory; otherwise <paramref name="workingDirectory"/>.
    /// </summary>
    public static string Of(string workingDirectory, string? shellDirectory)
    {
        if (string.IsNullOrEmpty(shellDirectory) || !Path.IsPathFullyQualified(shellDirectory) || !Directory.Exists(shellDirectory))
            return workingDirectory;
        var underDotnetRun = File.Exists(Path.Combine(workingDirectory, ProjectFile));
        return underDotnetRun ? shellDirectory : workingDirectory;
    }

    /// <summary>An absolute path for <paramref name="path"/> as the user typed it.</summary>
    public static string Resolve(string path) => Path.GetFullPath(path, Current());
}
