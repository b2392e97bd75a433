using System.Text.Json;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Execution;

/// <summary>
/// How a variable error quotes a JSON number too large for a double: as the client sent it.
/// </summary>
/// <remarks>
/// JSON numbers become doubles, as <c>JSON.parse</c> makes them in graphql-js, so <c>1e400</c> or 400 nines reach a
/// scalar as Infinity, and graphql-js's error says "got invalid value Infinity", a value the client never sent. Only
/// a number read from JSON text can be quoted as sent; values given as plain values (and so every comparison with
/// graphql-js) keep its words.
/// </remarks>
internal static class SentNumbers
{
    /// <summary>
    /// The JSON text of the number at <paramref name="path"/> in variable <paramref name="name"/>, cut after
    /// <paramref name="maxLength"/> characters, followed by what it became; null unless <paramref name="invalidValue"/>
    /// is a double that number overflowed.
    /// </summary>
    public static string? Quote(JsonElement? sent, string name, IReadOnlyList<object> path, object? invalidValue, int maxLength)
    {
        if (invalidValue is not double number || double.IsFinite(number)) return null;
        if (sent is not { ValueKind: JsonValueKind.Object } variables || !variables.TryGetProperty(name, out var element)) return null;
        foreach (var step in path)
        {
            if (step is string key && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var member))
                element = member;
            else if (step is int index && element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength())
                element = element[index];
            else return null;
        }
        if (element.ValueKind != JsonValueKind.Number) return null;
        return QuotedText.Cut(element.GetRawText(), maxLength) + ", which is " + JsNumber.Format(number) + " as a double";
    }
}
