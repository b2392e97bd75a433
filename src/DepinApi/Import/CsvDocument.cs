namespace DepinApi.Import;

/// <summary>A field as read (quotes removed, doubled quotes undone) and where it starts.</summary>
public sealed record CsvField(string Value, int Line, int Column);

/// <summary>
/// One record. <see cref="EndLine"/>/<see cref="EndColumn"/> point just past its last character,
/// where a missing field would have been.
/// </summary>
public sealed record CsvRecord(
    IReadOnlyList<CsvField> Fields,
    int Line,
    int EndLine,
    int EndColumn,
    bool EndsWithLineBreak,
    bool HasUnclosedQuote);

/// <summary>The records of a CSV text and the syntax errors met while reading it.</summary>
public sealed record CsvDocument(IReadOnlyList<CsvRecord> Records, IReadOnlyList<ImportError> Errors);
