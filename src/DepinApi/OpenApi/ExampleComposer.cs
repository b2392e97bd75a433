using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DepinApi.OpenApi;

/// <summary>
/// Builds a response example from a schema: a schema's own example wins (a type's static <c>Example</c>, see
/// <see cref="ExampleSchemaFilter"/>); otherwise objects and arrays are assembled from their parts, and leaves
/// take an <see cref="OpenApiExampleAttribute"/>, a <see cref="StandardPropertyExamples"/> entry, their first enum
/// value, a date for date formats, <c>true</c> for booleans or null when nullable. A leaf with none of these is
/// reported in <c>missing</c> by its JSON path, and no example is made, so a gap shows instead of a made-up value.
/// </summary>
public static class ExampleComposer
{
    private const int MaxDepth = 12;

    /// <summary>An example for <paramref name="schema"/>, or null when a leaf has none (then <paramref name="missing"/> lists them).</summary>
    public static JsonNode? Compose(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> components, List<string> missing)
    {
        var before = missing.Count;
        var node = Build(schema, components, missing, "$", propertyName: null, depth: 0);
        return missing.Count == before ? node : null;
    }

    private static JsonNode? Build(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> components, List<string> missing,
        string path, string? propertyName, int depth)
    {
        if (depth > MaxDepth)
            return null;
        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference?.Id;
            if (id is null || !components.TryGetValue(id, out var target))
            {
                missing.Add(path);
                return null;
            }
            return OwnExample(target) is { } own ? own.DeepClone() : Build(target, components, missing, path, propertyName, depth + 1);
        }
        if (OwnExample(schema) is { } example)
            return example.DeepClone();
        if (schema.Enum is { Count: > 0 } values && values.FirstOrDefault(v => v is not null) is { } first)
            return first.DeepClone();
        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            var options = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Where(o => o.Type != JsonSchemaType.Null).ToList();
            return options.Count == 0 ? null : Build(options[0], components, missing, path, propertyName, depth + 1);
        }
        if (schema.AllOf is { Count: > 0 } parts)
        {
            var merged = new JsonObject();
            foreach (var part in parts)
                if (Build(part, components, missing, path, propertyName, depth + 1) is JsonObject piece)
                    foreach (var (key, value) in piece)
                        merged[key] = value?.DeepClone();
            return merged;
        }

        var type = schema.Type ?? 0;
        if ((type & JsonSchemaType.Array) != 0)
        {
            if (schema.Items is null)
                return new JsonArray();
            var item = Build(schema.Items, components, missing, path + "[]", null, depth + 1);
            return new JsonArray(item);
        }
        if ((type & JsonSchemaType.Object) != 0 || schema.Properties is { Count: > 0 })
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                result[name] = Build(property, components, missing, path + "." + name, name, depth + 1);
            return result;
        }
        return Leaf(schema, type, missing, path, propertyName);
    }

    // A schema carries its example as the first of JSON Schema's `examples` (see ExampleSchemaFilter).
    private static JsonNode? OwnExample(IOpenApiSchema schema) => schema.Examples is { Count: > 0 } examples ? examples[0] : null;

    private static JsonNode? Leaf(IOpenApiSchema schema, JsonSchemaType type, List<string> missing, string path, string? propertyName)
    {
        if (propertyName is not null && StandardPropertyExamples.Find(propertyName) is { } standard)
            return ExampleValues.Convert(standard, schema);
        switch (schema.Format)
        {
            case "date": return JsonValue.Create("2026-06-01");
            case "date-time": return JsonValue.Create("2026-06-01T09:30:00+00:00");
        }
        if ((type & JsonSchemaType.Boolean) != 0)
            return JsonValue.Create(true);
        if ((type & JsonSchemaType.Null) != 0)
            return null;
        missing.Add(path);
        return null;
    }
}
