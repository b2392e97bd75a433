namespace DepinApi.Import;

/// <summary>An absolute http or https address, since readers follow it from the API.</summary>
internal sealed class UrlField : ScalarFieldType
{
    public static readonly UrlField Instance = new();

    private UrlField() : base(DbType.Text) { }

    public override FieldValue Parse(string column, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !text.Any(char.IsWhiteSpace)
            ? FieldValue.Of(text)
            : FieldValue.Invalid($"{column} must be an absolute http or https URL, got '{Shown.Value(text)}'");
}
