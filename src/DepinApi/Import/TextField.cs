using System.Text.RegularExpressions;

namespace DepinApi.Import;

/// <summary>
/// Free text, or text of a fixed shape (ids, slugs, symbols) of at most <paramref name="maxLength"/> characters,
/// described for the error message.
/// </summary>
internal sealed class TextField(Regex? pattern = null, string? shape = null, int maxLength = int.MaxValue) : ScalarFieldType(DbType.Text)
{
    public static readonly TextField Any = new();

    public override FieldValue Parse(string column, string text) =>
        text.Length <= maxLength && (pattern is null || pattern.IsMatch(text))
            ? FieldValue.Of(text)
            : FieldValue.Invalid($"{column} must be {shape}, got '{Shown.Value(text)}'");
}
