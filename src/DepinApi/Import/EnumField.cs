namespace DepinApi.Import;

/// <summary>One of a fixed list of values, spelled exactly.</summary>
internal sealed class EnumField(IReadOnlyList<string> allowed) : ScalarFieldType(DbType.Text)
{
    public IReadOnlyList<string> Allowed => allowed;

    public override FieldValue Parse(string column, string text) =>
        allowed.Contains(text, StringComparer.Ordinal)
            ? FieldValue.Of(text)
            : FieldValue.Invalid($"unknown {column} '{Shown.Value(text)}'; allowed: {string.Join(", ", allowed)}");
}
