using System.Runtime.CompilerServices;

namespace DepinApi.Tests.Import;

/// <summary>The repository's own seed-data/ folder imports cleanly, every file and every row.</summary>
public class RealSeedDataTests
{
    [Fact]
    public async Task The_repository_seed_data_imports_without_errors()
    {
        var directory = Path.Combine(RepositoryRoot(), "seed-data");
        if (!Directory.Exists(directory))
            return;
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.Importer.ImportAsync(directory, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(1, result.DataVersion);
        Assert.All(result.Counts.Values, c => Assert.Equal((0, 0, 0), (c.Changed, c.Removed, c.Unchanged)));
        Assert.True(result.Counts["sources"].Added > 0 && result.Counts["projects"].Added > 0);
        Assert.Null((await database.Importer.ImportAsync(directory, CancellationToken.None)).DataVersion);
    }

    // Builds may put the binaries anywhere (--artifacts-path), so start from this source file.
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "DepinApi.sln")))
                    return directory.FullName;
        }
        throw new InvalidOperationException("DepinApi.sln not found above the tests.");
    }
}
