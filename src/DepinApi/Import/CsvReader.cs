using System.Text;

namespace DepinApi.Import;

/// <summary>
/// An RFC 4180 reader that remembers where every field starts, so that validation errors can
/// name a line and column. Quoted fields may span lines; records end with LF, CRLF or CR; a
/// leading byte-order mark is skipped; blank lines between records are ignored.
/// </summary>
/// <remarks>
/// Line breaks inside quoted fields are stored as LF, so that a file converted between CRLF
/// and LF compares equal to the data already imported. Columns count Unicode scalar values,
/// which is what an editor shows for a character outside the BMP.
/// </remarks>
public sealed class CsvReader
{
    private readonly string text;
    private readonly string fileName;
    private readonly List<ImportError> errors = [];
    private int position;
    private int line = 1;
    private int column = 1;

    private CsvReader(string text, string fileName)
    {
        this.text = text;
        this.fileName = fileName;
    }

    public static CsvDocument Read(string text, string fileName)
    {
        var reader = new CsvReader(text, fileName);
        var records = reader.ReadAll();
        return new CsvDocument(records, reader.errors);
    }

    private List<CsvRecord> ReadAll()
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
            position = 1;
        var records = new List<CsvRecord>();
        while (!AtEnd)
        {
            if (AtLineBreak)
            {
                SkipLineBreak();
                continue;
            }
            records.Add(ReadRecord());
        }
        return records;
    }

    private CsvRecord ReadRecord()
    {
        var fields = new List<CsvField>();
        var recordLine = line;
        while (true)
        {
            // After a trailing comma the text may already be over: that last field is empty, not missing.
            var field = !AtEnd && Current == '"' ? ReadQuotedField() : ReadPlainField();
            if (field is null)
                return new CsvRecord(fields, recordLine, line, column, EndsWithLineBreak: false, HasUnclosedQuote: true);
            fields.Add(field);
            if (!AtEnd && Current == ',')
            {
                Advance();
                continue;
            }
            var (endLine, endColumn) = (line, column);
            var lineBreak = AtLineBreak;
            if (lineBreak)
                SkipLineBreak();
            return new CsvRecord(fields, recordLine, endLine, endColumn, lineBreak, HasUnclosedQuote: false);
        }
    }

    private CsvField ReadPlainField()
    {
        var (startLine, startColumn, start) = (line, column, position);
        while (!AtEnd && Current != ',' && !AtLineBreak)
        {
            if (Current == '"')
                Error(line, column, "quote inside an unquoted field; quote the whole field and double the quote (\"\")");
            Advance();
        }
        return new CsvField(text[start..position], startLine, startColumn);
    }

    /// <summary>Null when the file ends before the closing quote.</summary>
    private CsvField? ReadQuotedField()
    {
        var (startLine, startColumn) = (line, column);
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                Error(startLine, startColumn, "file is truncated: this quoted field is never closed");
                return null;
            }
            if (Current == '"')
            {
                Advance();
                if (!AtEnd && Current == '"')
                {
                    value.Append('"');
                    Advance();
                    continue;
                }
                break;
            }
            if (AtLineBreak)
            {
                value.Append('\n');
                SkipLineBreak();
                continue;
            }
            value.Append(Current);
            Advance();
        }
        if (!AtEnd && Current != ',' && !AtLineBreak)
        {
            Error(line, column, "unexpected text after a closing quote; a quote inside a quoted field is written twice (\"\")");
            while (!AtEnd && Current != ',' && !AtLineBreak)
                Advance();
        }
        return new CsvField(value.ToString(), startLine, startColumn);
    }

    private bool AtEnd => position >= text.Length;
    private char Current => text[position];
    private bool AtLineBreak => !AtEnd && (Current == '\n' || Current == '\r');

    private void Advance()
    {
        // A surrogate pair is one character on screen, so it moves the column once.
        if (char.IsHighSurrogate(Current) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]))
            position++;
        position++;
        column++;
    }

    private void SkipLineBreak()
    {
        if (Current == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
            position++;
        position++;
        line++;
        column = 1;
    }

    private void Error(int errorLine, int errorColumn, string message) =>
        errors.Add(new ImportError(fileName, errorLine, errorColumn, message));
}
