namespace DepinApi.Import;

/// <summary>A quarter <c>YYYYQn</c>, stored as two numbers so quarters sort and filter as numbers.</summary>
internal sealed class QuarterField : FieldType
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static readonly QuarterField Instance = new();

    public override IReadOnlyList<DbColumn> DbColumns(string column) =>
        [new DbColumn("year", DbType.SmallInt), new DbColumn("quarter", DbType.SmallInt)];

    public override FieldValue Parse(string column, string text)
    {
        if (!Period.TryParseQuarter(text, out var year, out var quarter, out var error))
            return FieldValue.Invalid(error!);
        if (year is < MinYear or > MaxYear)
            return FieldValue.Invalid($"quarter year must be between {MinYear} and {MaxYear}, got '{Shown.Value(text)}'");
        return FieldValue.Of((short)year, (short)quarter);
    }
}
