using System.Text.Json.Nodes;

namespace DepinApi.Tests.OpenApi;

/// <summary>The operations, parameters and responses of a served document, each with a label naming it in failures.</summary>
public static class DocumentWalk
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public sealed record Operation(string Path, string Method, JsonObject Node)
    {
        public string Label => $"{Method.ToUpperInvariant()} {Path} ({Node["operationId"]?.GetValue<string>() ?? "no operationId"})";

        public IEnumerable<JsonObject> Parameters => (Node["parameters"] as JsonArray ?? []).OfType<JsonObject>();

        public IEnumerable<(string Status, JsonObject Response)> Responses =>
            (Node["responses"] as JsonObject ?? []).Select(r => (r.Key, r.Value as JsonObject ?? []));

        public bool HasParameter(string name) => Parameters.Any(p => p["name"]?.GetValue<string>() == name);
    }

    public static IEnumerable<Operation> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in Methods
        let node = path.Value![method] as JsonObject
        where node is not null
        select new Operation(path.Key, method, node);

    public static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public static bool HasExample(JsonObject node) =>
        node.ContainsKey("example") || node["examples"] is JsonObject { Count: > 0 };
}
