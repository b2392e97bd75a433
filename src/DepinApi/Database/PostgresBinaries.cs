namespace DepinApi.Database;

/// <summary>Finds the PostgreSQL server programs the private cluster needs.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    public static PostgresBinaries Locate(string? binDirectory)
    {
        foreach (var directory in CandidateDirectories(binDirectory))
        {
            var initDb = Path.Combine(directory, "initdb");
            var pgCtl = Path.Combine(directory, "pg_ctl");
            if (File.Exists(initDb) && File.Exists(pgCtl))
                return new PostgresBinaries(initDb, pgCtl);
        }
        throw new EmbeddedPostgresException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
            "Install them (Debian/Ubuntu: apt-get install -y postgresql) or set ConnectionStrings__Depin to an existing database.");
    }

    private static IEnumerable<string> CandidateDirectories(string? binDirectory)
    {
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            yield return binDirectory;
            yield break;
        }
        foreach (var entry in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return entry;
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            // Newest major version first.
            foreach (var version in Directory.GetDirectories(debianRoot)
                         .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                yield return Path.Combine(version, "bin");
        }
    }
}
