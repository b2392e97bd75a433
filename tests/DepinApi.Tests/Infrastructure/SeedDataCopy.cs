namespace DepinApi.Tests.Infrastructure;

/// <summary>A copy of the repository's seed-data folder (sources included) that a test may change: a second data version, hostile text.</summary>
public static class SeedDataCopy
{
    /// <summary>A new temporary folder holding the copy; its name starts with <paramref name="prefix"/>.</summary>
    public static string InNewTemporaryFolder(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        CopyTo(directory);
        return directory;
    }

    /// <summary>
    /// Adds <paramref name="sentence"/> to the article a source was read from, as an attacker who wrote the article
    /// would: a quote must occur in its article to be imported.
    /// </summary>
    public static void AddToArticle(string directory, string seedFile, string sentence) =>
        File.AppendAllText(Path.Combine(directory, "sources", seedFile), "\n" + sentence + "\n");

    /// <summary>Copies the seed data into <paramref name="to"/> (created when missing).</summary>
    public static void CopyTo(string to)
    {
        var from = RepositoryPaths.SeedData;
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
