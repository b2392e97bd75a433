namespace DepinApi.Import;

/// <summary>How one seed file differs from the current rows of its table, by natural key.</summary>
internal sealed record TableDiff(
    FileSpec Spec,
    IReadOnlyList<object?[]> Added,
    IReadOnlyList<object?[]> Changed,
    IReadOnlyList<string> Removed,
    int Unchanged)
{
    public TableCounts Counts => new(Added.Count, Changed.Count, Removed.Count, Unchanged);

    /// <summary>Keys whose current row is superseded: changed and removed ones.</summary>
    public IEnumerable<string> SupersededKeys => Changed.Select(Key).Concat(Removed);

    public IEnumerable<string> AddedKeys => Added.Select(Key);

    private string Key(object?[] row) => (string)row[Spec.KeyDbIndex]!;

    public static TableDiff Compare(FileSpec spec, IReadOnlyList<object?[]> fileRows, IReadOnlyDictionary<string, object?[]> current)
    {
        var added = new List<object?[]>();
        var changed = new List<object?[]>();
        var unchanged = 0;
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in fileRows)
        {
            var key = (string)row[spec.KeyDbIndex]!;
            inFile.Add(key);
            if (!current.TryGetValue(key, out var existing))
                added.Add(row);
            else if (SameValues(row, existing))
                unchanged++;
            else
                changed.Add(row);
        }
        var removed = current.Keys.Where(k => !inFile.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return new TableDiff(spec, added, changed, removed, unchanged);
    }

    // Equals compares decimals by value (0.7 equals 0.70), so a reformatted number is no change.
    private static bool SameValues(object?[] a, object?[] b)
    {
        for (var i = 0; i < a.Length; i++)
            if (!Equals(a[i], b[i]))
                return false;
        return true;
    }
}
