namespace DepinApi.OpenApi;

/// <summary>
/// The CSV example for a response type whose CSV columns are not simply its JSON fields flattened
/// (the default derived by <see cref="CsvExamples"/>). Use CRLF line ends, header row first.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class OpenApiCsvExampleAttribute(string csv) : Attribute
{
    /// <summary>The CSV text, header row first.</summary>
    public string Csv { get; } = csv;
}
