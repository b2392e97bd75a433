using System.Text;

namespace DepinApi.Tests.SeedData;

/// <summary>
/// A strict RFC 4180 reader: a malformed file must fail the tests, not be read leniently,
/// because the importer reads the same bytes.
/// </summary>
public static class Rfc4180Reader
{
    public static List<List<string>> Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];

        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var i = 0;

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (field.Length > 0)
                    throw new FormatException($"line {line}: quote inside an unquoted field");
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException($"line {line}: unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (text[i] == '\n')
                        line++;
                    field.Append(text[i]);
                    i++;
                }
                if (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                    throw new FormatException($"line {line}: text after a closing quote");
                continue;
            }
            if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                if (c == '\r')
                {
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                        throw new FormatException($"line {line}: bare carriage return");
                    i++;
                }
                i++;
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = new List<string>();
                line++;
                continue;
            }
            field.Append(c);
            i++;
        }

        // A last record without a line break is still a record.
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }
}
