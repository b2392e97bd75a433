using System.Globalization;

namespace DepinApi.Import;

/// <summary>Checks one seed file on its own: encoding, CSV syntax, header, every field, every row rule, unique keys.</summary>
internal sealed class FileValidator(FileSpec spec, List<ImportError> errors)
{
    public ParsedFile Validate(byte[] bytes)
    {
        var file = new ParsedFile(spec);
        var text = StrictUtf8.Decode(bytes, spec.FileName, out var encodingError);
        if (text is null)
        {
            errors.Add(encodingError!);
            return file;
        }
        var document = CsvReader.Read(text, spec.FileName);
        errors.AddRange(document.Errors);
        if (document.Records.Count == 0 || document.Records[0].HasUnclosedQuote)
        {
            if (document.Records.Count == 0)
                Error(1, 1, $"file is empty; expected a header row: {string.Join(",", spec.Columns.Select(c => c.Name))}");
            return file;
        }
        var header = document.Records[0];
        var fieldOfColumn = MapHeader(header);
        file.KeysKnown = fieldOfColumn[spec.IndexOf(spec.KeyColumn)] >= 0;
        foreach (var record in document.Records.Skip(1))
        {
            if (record.HasUnclosedQuote || !HasHeaderFieldCount(record, header.Fields.Count))
            {
                file.KeysKnown = false;
                continue;
            }
            var row = ParseRow(record, fieldOfColumn);
            CheckKey(file, row);
            file.Rows.Add(row);
        }
        return file;
    }

    /// <summary>For each spec column, the index of its header field, or -1.</summary>
    private int[] MapHeader(CsvRecord header)
    {
        var fieldOfColumn = Enumerable.Repeat(-1, spec.Columns.Count).ToArray();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var field = header.Fields[i];
            if (!spec.HasColumn(field.Value))
            {
                Error(field, $"unknown column '{Shown.Value(field.Value)}'; {spec.FileName} has: {string.Join(", ", spec.Columns.Select(c => c.Name))}");
                continue;
            }
            var index = spec.IndexOf(field.Value);
            if (fieldOfColumn[index] >= 0)
                Error(field, $"duplicate column '{Shown.Value(field.Value)}', first on column {header.Fields[fieldOfColumn[index]].Column}");
            else
                fieldOfColumn[index] = i;
        }
        for (var c = 0; c < spec.Columns.Count; c++)
            if (fieldOfColumn[c] < 0 && spec.Columns[c].Required)
                Error(1, 1, $"missing required column '{spec.Columns[c].Name}'");
        return fieldOfColumn;
    }

    private bool HasHeaderFieldCount(CsvRecord record, int expected)
    {
        var found = record.Fields.Count;
        if (found == expected)
            return true;
        // A quote left open swallows the line breaks after it, up to the next quote: the record then ends lines
        // later with the wrong count. Where the field began is where to look.
        if (record.Fields.FirstOrDefault(f => f.Value.Contains('\n')) is { } open)
        {
            Error(open, Invariant($"this quoted field runs on to line {record.EndLine}, and the record has {found} fields where the header has {expected}: is its closing quote missing?"));
            return false;
        }
        if (found < expected && !record.EndsWithLineBreak)
            Error(record.EndLine, record.EndColumn, Invariant($"file is truncated: the last record has {found} of {expected} fields"));
        else if (found < expected)
            Error(record.EndLine, record.EndColumn, Invariant($"expected {expected} fields as in the header, found {found}"));
        else
            Error(record.Fields[expected], Invariant($"expected {expected} fields as in the header, found {found}"));
        return false;
    }

    private ParsedRow ParseRow(CsvRecord record, int[] fieldOfColumn)
    {
        var row = new ParsedRow(spec, record);
        for (var c = 0; c < spec.Columns.Count; c++)
        {
            if (fieldOfColumn[c] < 0)
                continue;
            var column = spec.Columns[c];
            var field = record.Fields[fieldOfColumn[c]];
            row.Fields[c] = field;
            if (string.IsNullOrWhiteSpace(field.Value))
            {
                if (column.Required)
                    Refuse(row, c, field, $"{column.Name} is required but empty");
                continue;
            }
            if (field.Value.Contains('\0'))
            {
                Refuse(row, c, field, $"{column.Name} contains a NUL character (U+0000), which the database cannot store");
                continue;
            }
            var parsed = column.Type.Parse(column.Name, field.Value);
            if (parsed.Error is { } error)
                Refuse(row, c, field, error);
            else
                parsed.Values!.CopyTo(row.Values, spec.DbOffset(c));
        }
        CheckRules(row);
        return row;
    }

    private void CheckRules(ParsedRow row)
    {
        foreach (var rule in spec.Rules)
        {
            if (!rule.Columns.All(row.IsValid) || rule.Check(row) is not { } violation)
                continue;
            var (line, column) = row.PositionOf(violation.Column);
            Error(line, column, violation.Message);
        }
    }

    private void CheckKey(ParsedFile file, ParsedRow row)
    {
        var field = row.Fields[spec.IndexOf(spec.KeyColumn)];
        if (field is null || string.IsNullOrWhiteSpace(field.Value))
            return;
        if (!file.Keys.TryAdd(field.Value, row.Line))
            Error(field, Invariant($"duplicate {spec.KeyColumn} '{Shown.Value(field.Value)}', first defined on line {file.Keys[field.Value]}"));
    }

    private void Refuse(ParsedRow row, int column, CsvField field, string message)
    {
        row.Invalid[column] = true;
        Error(field, message);
    }

    private void Error(CsvField field, string message) => Error(field.Line, field.Column, message);

    private void Error(int line, int column, string message) => errors.Add(new ImportError(spec.FileName, line, column, message));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
