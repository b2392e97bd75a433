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

    /// <summary>
    /// Revises the figure <paramref name="id"/> of <paramref name="file"/> as a corrected article would: each change
    /// (a value, and the words of its quote that state it) is made on the figure's line, and the revised quote is added
    /// to the article the figure's source was read from, since a quote must occur in it and state the figure.
    /// </summary>
    public static void ReviseFigure(string directory, string file, string id, params (string From, string To)[] changes)
    {
        var path = Path.Combine(directory, file);
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.StartsWith(id + ",", StringComparison.Ordinal));
        Assert.True(index > 0, $"{file} has no figure '{id}'");
        foreach (var (from, to) in changes)
        {
            Assert.Contains(from, lines[index]);
            lines[index] = lines[index].Replace(from, to, StringComparison.Ordinal);
        }
        File.WriteAllLines(path, lines);

        var row = Fields(lines[0], lines[index], file);
        var sources = File.ReadAllLines(Path.Combine(directory, "sources.csv"));
        var source = sources.Skip(1).Select(line => Fields(sources[0], line, "sources.csv")).Single(s => s["id"] == row["source"]);
        AddToArticle(directory, source["seed_file"], row["quote"]);
    }

    private static Dictionary<string, string> Fields(string header, string line, string file)
    {
        var records = DepinApi.Import.CsvReader.Read(header + "\n" + line + "\n", file).Records;
        return records[0].Fields.Zip(records[1].Fields).ToDictionary(p => p.First.Value, p => p.Second.Value);
    }

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
