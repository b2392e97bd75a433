namespace DepinApi.Import;

/// <summary>A seed file after validation: its rows and the keys it defines.</summary>
internal sealed class ParsedFile(FileSpec spec)
{
    public FileSpec Spec => spec;
    public List<ParsedRow> Rows { get; } = [];

    /// <summary>Each key and the line that first defines it.</summary>
    public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// False when the file could not be read far enough to know all its keys (no key column, or a record that could
    /// not be split into its fields); references into it are then not checked, since those naming a key of an
    /// unreadable record would be reported as unknown, one error for the file's own mistake per reference.
    /// </summary>
    public bool KeysKnown { get; set; }
}
