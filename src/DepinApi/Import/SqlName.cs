namespace DepinApi.Import;

/// <summary>Quotes table and column names. They come only from <see cref="SeedFiles"/>, never from input.</summary>
internal static class SqlName
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    public static string List(IEnumerable<string> names) => string.Join(", ", names.Select(Quote));
}
