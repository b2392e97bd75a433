using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Import;

/// <summary>The repository's own seed-data/ folder imports cleanly, every file and every row.</summary>
public class RealSeedDataTests
{
    [Fact]
    public async Task The_repository_seed_data_imports_without_errors()
    {
        var directory = RepositoryPaths.SeedData;
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.Importer.ImportAsync(directory, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(1, result.DataVersion);
        Assert.All(result.Counts.Values, c => Assert.Equal((0, 0, 0), (c.Changed, c.Removed, c.Unchanged)));
        Assert.True(result.Counts["sources"].Added > 0 && result.Counts["projects"].Added > 0);
        Assert.Null((await database.Importer.ImportAsync(directory, CancellationToken.None)).DataVersion);
    }
}
