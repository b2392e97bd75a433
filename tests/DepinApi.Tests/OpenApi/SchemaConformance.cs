using System.Text.Json;
using System.Text.Json.Nodes;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// Checks a served JSON body against the document's schema for it: types (with nullability), enums, properties the
/// schema does not declare, and array items. Enough to catch a document that no longer describes what is served.
/// </summary>
public static class SchemaConformance
{
    private const int ItemsChecked = 3;

    public static void Check(JsonNode? value, JsonNode schema, JsonObject components, string path, List<string> failures)
    {
        schema = Resolve(schema, components);
        if (schema["allOf"] is JsonArray allOf)
            foreach (var part in allOf)
                Check(value, part!, components, path, failures);
        var alternatives = (schema["oneOf"] as JsonArray ?? schema["anyOf"] as JsonArray)?.ToList();
        if (alternatives is { Count: > 0 })
        {
            if (!alternatives.Any(a => Fails(value, a!, components, path) == 0))
                failures.Add($"{path}: matches none of the documented alternatives");
            return;
        }

        var kind = KindOf(value);
        var types = TypesOf(schema);
        if (types.Count > 0 && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
        {
            failures.Add($"{path}: served {kind}, documented {string.Join(" or ", types)}");
            return;
        }
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            failures.Add($"{path}: served {value?.ToJsonString() ?? "null"}, which its documented enum ({string.Join(", ", allowed.Select(a => a?.ToJsonString()))}) lacks");
            return;
        }
        switch (value)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject ?? [];
                var closed = schema["additionalProperties"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.False;
                foreach (var (name, member) in obj)
                {
                    if (properties[name] is { } property)
                        Check(member, property, components, $"{path}.{name}", failures);
                    else if (closed)
                        failures.Add($"{path}.{name}: served but not in the document");
                }
                foreach (var required in schema["required"] as JsonArray ?? [])
                    if (!obj.ContainsKey(required!.GetValue<string>()))
                        failures.Add($"{path}.{required}: documented as required, not served");
                break;
            case JsonArray array when schema["items"] is { } items:
                foreach (var (item, index) in array.Take(ItemsChecked).Select((item, index) => (item, index)))
                    Check(item, items, components, $"{path}[{index}]", failures);
                break;
        }
    }

    private static int Fails(JsonNode? value, JsonNode schema, JsonObject components, string path)
    {
        var failures = new List<string>();
        Check(value, schema, components, path, failures);
        return failures.Count;
    }

    private static JsonNode Resolve(JsonNode schema, JsonObject components)
    {
        for (var hops = 0; schema["$ref"] is JsonValue reference && hops < 10; hops++)
            schema = components["schemas"]![reference.GetValue<string>().Split('/')[^1]]!;
        return schema;
    }

    private static List<string> TypesOf(JsonNode schema) => schema["type"] switch
    {
        JsonValue single => [single.GetValue<string>()],
        JsonArray several => several.Select(t => t!.GetValue<string>()).ToList(),
        _ => [],
    };

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => value.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 ? "integer" : "number",
            _ => "null",
        },
    };
}
