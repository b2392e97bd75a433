using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DepinApi.OpenApi;

/// <summary>
/// Derives a CSV example from a JSON example the way the API writes CSV: one row per item of the envelope's
/// <c>data</c> (or the single <c>data</c> object), header row naming the JSON fields, nested objects dotted
/// (<c>source.publisher</c>), RFC 4180 quoting and CRLF line ends. Arrays inside an item have no CSV column.
/// </summary>
public static class CsvExamples
{
    /// <summary>The CSV text for <paramref name="json"/>, or null when it holds no row.</summary>
    public static string? FromJson(JsonNode? json)
    {
        var rows = Rows(json).Select(Flatten).ToList();
        if (rows.Count == 0)
            return null;
        var header = rows[0].Keys.ToList();
        var csv = new StringBuilder();
        csv.Append(string.Join(',', header.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
            csv.Append(string.Join(',', header.Select(h => Quote(row.GetValueOrDefault(h) ?? "")))).Append("\r\n");
        return csv.ToString();
    }

    private static IEnumerable<JsonObject> Rows(JsonNode? json) => json switch
    {
        JsonObject envelope when envelope["data"] is JsonArray items => items.OfType<JsonObject>(),
        JsonObject envelope when envelope["data"] is JsonObject item => [item],
        JsonArray items => items.OfType<JsonObject>(),
        JsonObject item => [item],
        _ => [],
    };

    private static Dictionary<string, string?> Flatten(JsonObject item)
    {
        var row = new Dictionary<string, string?>();
        Add(row, "", item);
        return row;
    }

    private static void Add(Dictionary<string, string?> row, string prefix, JsonObject item)
    {
        foreach (var (name, value) in item)
        {
            var column = prefix + name;
            switch (value)
            {
                case JsonObject nested: Add(row, column + ".", nested); break;
                case JsonArray: break;
                case null: row[column] = null; break;
                default: row[column] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(); break;
            }
        }
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
