using System.Text.Json;
using System.Text.Json.Nodes;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// One argument value written two ways at once: as a GraphQL literal for the document and as JSON for a variable,
/// so the generator can pass the very same value either way.
/// </summary>
public readonly record struct GraphQLValue(string Literal, JsonNode? Json)
{
    public static GraphQLValue Null { get; } = new("null", null);

    // JSON string escapes are valid GraphQL string escapes, so one serializer writes both.
    public static GraphQLValue String(string value) => new(JsonSerializer.Serialize(value), JsonValue.Create(value));

    public static GraphQLValue Enum(string name) => new(name, JsonValue.Create(name));

    public static GraphQLValue Int(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonValue.Create(value));

    public static GraphQLValue Boolean(bool value) => new(value ? "true" : "false", JsonValue.Create(value));

    public static GraphQLValue List(IEnumerable<GraphQLValue> items)
    {
        var all = items.ToList();
        return new("[" + string.Join(", ", all.Select(i => i.Literal)) + "]", new JsonArray(all.Select(i => i.Json?.DeepClone()).ToArray()));
    }

    public static GraphQLValue Object(IEnumerable<(string Name, GraphQLValue Value)> fields)
    {
        var all = fields.ToList();
        var json = new JsonObject();
        foreach (var (name, value) in all) json[name] = value.Json?.DeepClone();
        return new("{" + string.Join(", ", all.Select(f => f.Name + ": " + f.Value.Literal)) + "}", json);
    }
}
