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
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var variables = root.TryGetProperty("variables", out var vars) && vars.ValueKind == JsonValueKind.Object
            ? (IReadOnlyDictionary<string, object?>)JsonValues.ToPlain(vars)!
            : null;
        var execute = !root.TryGetProperty("execute", out var flag) || flag.ValueKind != JsonValueKind.False;
        return new ConformanceRequest(Text("id")!, Text("query")!, variables, Text("operationName"), execute);
    }
}
