
namespace DepinApi.Tests.SeedData;

public sealed class SeedRow(string file, int number, IReadOnlyDictionary<string, string> fields)
{
    public string File { get; } = file;

    /// <summary>1-based data row number (the header is row 0).</summary>
    public int Number { get; } = number;

    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    public string this[string column] => Fields.TryGetValue(column, out var v)
        ? v
        : throw new KeyNotFoundException($"{File} has no column '{column}'");

    public string Id => Fields.TryGetValue("id", out var id) ? id : Fields["slug"];

    public override string ToString() => $"{File} row {Number} ({Id})";
}

public sealed class SeedTable(string name, IReadOnlyList<string> header, IReadOnlyList<SeedRow> rows)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Header { get; } = header;
    public IReadOnlyList<SeedRow> Rows { get; } = rows;
}

/// <summary>Locates and reads the CSV files of seed-data/ without any database.</summary>
public static class SeedFiles
{
    private static readonly Dictionary<string, SeedTable> Cache = new();

    public static string RepoRoot => DepinApi.Tests.Infrastructure.RepositoryPaths.Root;

    public static string SeedDataDirectory => Path.Combine(RepoRoot, "seed-data");

    public static string SourcesDirectory => Path.Combine(SeedDataDirectory, "sources");

    public static SeedTable Load(string fileName)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(fileName, out var table))
            {
                table = Read(fileName, File.ReadAllText(Path.Combine(SeedDataDirectory, fileName)));
                Cache[fileName] = table;
            }
            return table;
        }
    }

    public static SeedTable Read(string fileName, string csvText)
    {
        // The importer's own reader: these checks must see the files exactly as an import would.
        var document = DepinApi.Import.CsvReader.Read(csvText, fileName);
        if (document.Errors.Count > 0)
            throw new FormatException(string.Join(Environment.NewLine, document.Errors));
        var records = document.Records.Select(r => r.Fields.Select(f => f.Value).ToList()).ToList();
        if (records.Count == 0)
            throw new FormatException($"{fileName} is empty");
        var header = records[0];
        var rows = new List<SeedRow>();
        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Count != header.Count)
                throw new FormatException(
                    $"{fileName} row {r}: {records[r].Count} fields, header has {header.Count}");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
                fields[header[c]] = records[r][c];
            rows.Add(new SeedRow(fileName, r, fields));
        }
        return new SeedTable(fileName, header, rows);
    }
}
