using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Conformance;

/// <summary>One corpus document as conformance/lib/engine.mjs sends it: a JSON line on stdin.</summary>
public sealed record ConformanceRequest(
    string Id,
    string Query,
    IReadOnlyDictionary<string, object?>? Variables,
    string? OperationName,
    bool Execute)
{
    public static ConformanceRequest FromJson(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string? Text(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Unescape(value.GetRawText()) : null;
        var variables = root.TryGetProperty("variables", out var vars) && vars.ValueKind == JsonValueKind.Object
            ? (IReadOnlyDictionary<string, object?>)JsonValues.ToPlain(vars)!
            : null;
        var execute = !root.TryGetProperty("execute", out var flag) || flag.ValueKind != JsonValueKind.False;
        return new ConformanceRequest(Text("id")!, Text("query")!, variables, Text("operationName"), execute);
    }

    // System.Text.Json refuses strings with lone surrogates, which JSON.stringify writes as \udXXX escapes
    // and which the corpus uses on purpose (a lexer must reject them), so JSON strings are decoded here.
    private static string Unescape(string quoted)
    {
        var text = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            var escaped = quoted[++i];
            switch (escaped)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    text.Append((char)int.Parse(quoted.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: text.Append(escaped); break;
            }
        }
        return text.ToString();
    }
}
