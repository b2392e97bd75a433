namespace DepinApi.Import;

/// <summary>
/// How one CSV column is checked and what it becomes in the database. Most types fill one
/// database column; a quarter fills two (year, quarter) and a period three (text, first and last day).
/// </summary>
internal abstract class FieldType
{
    public abstract IReadOnlyList<DbColumn> DbColumns(string column);

    /// <summary>Checks a non-empty value; returns the database values in <see cref="DbColumns"/> order, or an error.</summary>
    public abstract FieldValue Parse(string column, string text);
}

/// <summary>A type that fills exactly one database column named like the CSV column.</summary>
internal abstract class ScalarFieldType(DbType dbType) : FieldType
{
    public sealed override IReadOnlyList<DbColumn> DbColumns(string column) => [new DbColumn(column, dbType)];
}

internal readonly record struct FieldValue(object?[]? Values, string? Error)
{
    public static FieldValue Of(params object?[] values) => new(values, null);
    public static FieldValue Invalid(string error) => new(null, error);
}
