namespace DepinApi.Hosting;

/// <summary>
/// Where the host reads appsettings.json from. ASP.NET Core takes the working directory, so
/// <c>dotnet /opt/depin/DepinApi.dll</c> started from anywhere else ran as Production without the file: no JSON log
/// lines, Microsoft.AspNetCore at Information, none of the shipped defaults. The program's own directory is taken then.
/// </summary>
public static class ContentRoot
{
    /// <summary>The file that marks a directory as holding the program's settings.</summary>
    public const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The host's options for <paramref name="arguments"/>: the content root is the working directory when it holds
    /// <see cref="SettingsFile"/> (<c>dotnet run --project src/DepinApi</c> runs in the project folder, a container
    /// in the program's), else the program's own directory, unless the arguments or the environment name one.
    /// </summary>
    public static WebApplicationOptions HostOptions(string[] arguments) => new()
    {
        Args = arguments,
        ContentRootPath = NamedByOperator(arguments)
            ? null
            : Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
    };

    /// <summary><paramref name="workingDirectory"/> when it holds the settings, or null (the host's default); else <paramref name="programDirectory"/>.</summary>
    public static string? Choose(string workingDirectory, string programDirectory) =>
        File.Exists(Path.Combine(workingDirectory, SettingsFile)) ? null : programDirectory;

    private static bool NamedByOperator(string[] arguments) =>
        arguments.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
