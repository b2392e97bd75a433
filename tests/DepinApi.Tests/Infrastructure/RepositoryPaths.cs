using System.Runtime.CompilerServices;

namespace DepinApi.Tests.Infrastructure;

/// <summary>
/// Folders of the repository. Found by walking up to DepinApi.sln from the test binaries, or,
/// when they are built elsewhere (--artifacts-path), from this source file's own location.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedData => Path.Combine(Root, "seed-data");

    private static string FindRoot() =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(Path.GetDirectoryName(ThisFile())!)
        ?? throw new InvalidOperationException("DepinApi.sln not found above " + AppContext.BaseDirectory);

    private static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DepinApi.sln")))
                return directory.FullName;
        return null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
