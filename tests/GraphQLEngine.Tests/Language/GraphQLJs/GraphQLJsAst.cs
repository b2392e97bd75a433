using System.Reflection;
using System.Text.Json.Nodes;
using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language.GraphQLJs;

/// <summary>Writes a syntax tree in the JSON shape of graphql-js's AST, so the two can be compared.</summary>
internal static class GraphQLJsAst
{
    public static JsonNode ToJson(Node node)
    {
        var type = node.GetType();
        var json = new JsonObject { ["kind"] = type.Name[..^"Node".Length] };
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Settable properties are the tree's data; computed ones (FieldNode.ResponseKey) are not.
            if (property.SetMethod is null || property.Name == nameof(Node.Loc)) continue;
            var value = ToJsonValue(property.GetValue(node));
            if (value is not null) json[char.ToLowerInvariant(property.Name[0]) + property.Name[1..]] = value;
        }
        if (node.Loc is { } loc)
            json["loc"] = new JsonObject { ["start"] = loc.Start, ["end"] = loc.End, ["line"] = loc.Line, ["column"] = loc.Column };
        return json;
    }

    private static JsonNode? ToJsonValue(object? value) => value switch
    {
        null => null,
        Node node => ToJson(node),
        System.Collections.IEnumerable list and not string => new JsonArray(list.Cast<Node>().Select(n => (JsonNode?)ToJson(n)).ToArray()),
        OperationType operation => Printer.OperationKeyword(operation),
        string s => s,
        bool b => b,
        _ => throw new InvalidOperationException($"Unexpected property value {value.GetType()}"),
    };
}
