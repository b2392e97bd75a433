namespace DepinApi.Import;

/// <summary>A data record of a seed file after its fields were checked one by one.</summary>
internal sealed class ParsedRow(FileSpec spec, CsvRecord record)
{
    /// <summary>Per spec column; null when the header lacks that (optional) column.</summary>
    public CsvField?[] Fields { get; } = new CsvField?[spec.Columns.Count];

    /// <summary>Per spec column: true when its value was refused.</summary>
    public bool[] Invalid { get; } = new bool[spec.Columns.Count];

    /// <summary>The database values, <see cref="FileSpec.DbColumns"/> order; null for empty optional fields.</summary>
    public object?[] Values { get; } = new object?[spec.DbColumns.Count];

    public int Line => record.Line;

    /// <summary>A database value of a column (its <paramref name="part"/>th, for one stored in several: a quarter's year and number); null when empty, absent or refused.</summary>
    public object? Value(string column, int part = 0) => Values[spec.DbOffset(spec.IndexOf(column)) + part];

    public bool IsValid(string column) => !Invalid[spec.IndexOf(column)];

    /// <summary>Where the field starts, or the start of the record when the header lacks the column.</summary>
    public (int Line, int Column) PositionOf(string column) =>
        Fields[spec.IndexOf(column)] is { } field ? (field.Line, field.Column) : (record.Line, 1);
}
