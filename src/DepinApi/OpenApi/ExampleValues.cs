using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DepinApi.OpenApi;

/// <summary>Turns an example written as text into a JSON value of the schema's type.</summary>
public static class ExampleValues
{
    /// <summary>
    /// <paramref name="text"/> as a number or boolean when the schema says so and it parses; as a string otherwise
    /// (a parameter typed string keeps "50" a string, as the client sends it).
    /// </summary>
    public static JsonNode Convert(string text, IOpenApiSchema? schema)
    {
        var type = schema?.Type ?? 0;
        if ((type & JsonSchemaType.Integer) != 0 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return JsonValue.Create(whole);
        if ((type & JsonSchemaType.Number) != 0 && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        if ((type & JsonSchemaType.Boolean) != 0 && bool.TryParse(text, out var flag))
            return JsonValue.Create(flag);
        return JsonValue.Create(text);
    }
}
