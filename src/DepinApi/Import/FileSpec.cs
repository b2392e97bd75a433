namespace DepinApi.Import;

/// <summary>An identity table that keeps every key ever imported, so figures can reference it by foreign key.</summary>
internal sealed record KeyTable(string Table, string Column);

/// <summary>
/// Everything the importer knows about one seed file: its columns and their types, the table
/// it feeds, its natural key and the checks that involve several columns. Validation, comparison
/// and writing are driven by this alone, so all seven files share one code path.
/// </summary>
internal sealed class FileSpec
{
    private readonly Dictionary<string, int> columnIndex;
    private readonly int[] dbOffsets;

    public FileSpec(string name, string table, string keyColumn, IReadOnlyList<ColumnSpec> columns,
        KeyTable? keyTable = null, IReadOnlyList<RowRule>? rules = null, bool optional = false)
    {
        Optional = optional;
        Name = name;
        Table = table;
        KeyColumn = keyColumn;
        Columns = columns;
        KeyTable = keyTable;
        Rules = rules ?? [];
        columnIndex = columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        dbOffsets = new int[columns.Count];
        var dbColumns = new List<DbColumn>();
        for (var i = 0; i < columns.Count; i++)
        {
            dbOffsets[i] = dbColumns.Count;
            dbColumns.AddRange(columns[i].DbColumns);
        }
        DbColumns = dbColumns;
        KeyDbIndex = dbColumns.FindIndex(c => c.Name == keyColumn);
        if (KeyDbIndex < 0 || columns[IndexOf(keyColumn)] is not { Required: true, Type: ScalarFieldType })
            throw new ArgumentException($"The key column of {name} must be a required single-valued column.", nameof(keyColumn));
    }

    /// <summary>The file's name without extension; also the key of its counts and of the version summary.</summary>
    public string Name { get; }
    public string FileName => Name + ".csv";
    public string Table { get; }
    public string KeyColumn { get; }
    public IReadOnlyList<ColumnSpec> Columns { get; }
    public KeyTable? KeyTable { get; }
    public IReadOnlyList<RowRule> Rules { get; }

    /// <summary>An optional file may be absent from a seed directory: it then holds no rows, so an import removes its current rows.</summary>
    public bool Optional { get; }

    /// <summary>The table's columns this file fills, in column order, quarters and periods expanded.</summary>
    public IReadOnlyList<DbColumn> DbColumns { get; }
    public int KeyDbIndex { get; }

    public int IndexOf(string column) => columnIndex.TryGetValue(column, out var i)
        ? i
        : throw new ArgumentException($"{Name} has no column '{column}'.", nameof(column));

    public bool HasColumn(string column) => columnIndex.ContainsKey(column);

    /// <summary>Where the database values of column <paramref name="index"/> start in a row's values.</summary>
    public int DbOffset(int index) => dbOffsets[index];
}
