namespace DepinApi.Tests.SeedData;

/// <summary>
/// The rules every seed row obeys. Each check returns the failures it finds, so the same code
/// runs on the real files and on deliberately broken rows.
/// </summary>
public static class SeedChecks
{
    /// <summary>The quote must be a verbatim (ordinal) substring of the cited source's seed file.</summary>
    public static IEnumerable<string> QuotesNotInSource(SeedTable figures, SeedTable sources, Func<string, string?> readSeedFile)
    {
        var seedFileOf = sources.Rows.ToDictionary(r => r["id"], r => r["seed_file"]);
        foreach (var row in figures.Rows)
        {
            if (!seedFileOf.TryGetValue(row["source"], out var seedFile))
            {
                yield return $"{row}: unknown source '{row["source"]}'";
                continue;
            }
            var text = readSeedFile(seedFile);
            if (text is null)
                yield return $"{row}: seed file '{seedFile}' is missing";
            else if (row["quote"].Length == 0 || !text.Contains(row["quote"], StringComparison.Ordinal))
                yield return $"{row}: quote is not verbatim in {seedFile}: {row["quote"]}";
        }
    }
}
