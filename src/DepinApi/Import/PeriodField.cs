namespace DepinApi.Import;

/// <summary>A <see cref="Period"/>: kept as written, plus its first and last day for range queries.</summary>
internal sealed class PeriodField : FieldType
{
    public static readonly PeriodField Instance = new();

    public override IReadOnlyList<DbColumn> DbColumns(string column) =>
        [new DbColumn(column, DbType.Text), new DbColumn(column + "_start", DbType.Date), new DbColumn(column + "_end", DbType.Date)];

    public override FieldValue Parse(string column, string text) =>
        Period.TryParse(text, out var period, out var error)
            ? FieldValue.Of(period!.Text, period.Start, period.End)
            : FieldValue.Invalid(error!);
}
