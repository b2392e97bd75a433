using System.Globalization;

namespace DepinApi.Import;

/// <summary>A calendar day written <c>yyyy-MM-dd</c>.</summary>
internal sealed class DateField : ScalarFieldType
{
    public static readonly DateField Instance = new();

    private DateField() : base(DbType.Date) { }

    public override FieldValue Parse(string column, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? FieldValue.Of(date)
            : FieldValue.Invalid($"{column} must be a date yyyy-MM-dd, got '{Shown.Value(text)}'");
}
