using System.Collections;
using System.Text.Json;

namespace GraphQLEngine.Utilities;

/// <summary>
/// Converts <see cref="JsonElement"/> (how variables arrive over HTTP) into the plain values the type
/// system works with: null, bool, int/long/double, string, <c>List&lt;object?&gt;</c> and
/// <c>Dictionary&lt;string, object?&gt;</c> (insertion ordered).
/// </summary>
public static class JsonValues
{
    /// <summary>Converts one element recursively.</summary>
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => NumberToPlain(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.Object => ObjectToPlain(element),
        _ => throw new ArgumentOutOfRangeException(nameof(element), element.ValueKind, "Unknown JSON value kind."),
    };

    /// <summary>
    /// Converts any value that may contain <see cref="JsonElement"/>s (at any depth) to plain values;
    /// other values pass through unchanged.
    /// </summary>
    public static object? Normalize(object? value) => value switch
    {
        JsonElement element => ToPlain(element),
        JsonDocument document => ToPlain(document.RootElement),
        string => value,
        IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or IDictionary
            when ObjectEntries.TryGetEntries(value, out var entries) && entries.Any(e => NeedsNormalizing(e.Value)) =>
            entries.ToDictionary(e => e.Key, e => Normalize(e.Value)),
        IList list when list.Cast<object?>().Any(NeedsNormalizing) => list.Cast<object?>().Select(Normalize).ToList(),
        _ => value,
    };

    private static bool NeedsNormalizing(object? value) => value switch
    {
        JsonElement or JsonDocument => true,
        string => false,
        IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or IDictionary =>
            ObjectEntries.TryGetEntries(value, out var entries) && entries.Any(e => NeedsNormalizing(e.Value)),
        IList list => list.Cast<object?>().Any(NeedsNormalizing),
        _ => false,
    };

    private static object NumberToPlain(JsonElement element)
    {
        if (element.TryGetInt32(out var i)) return i;
        if (element.TryGetInt64(out var l)) return l;
        return element.GetDouble();
    }

    private static Dictionary<string, object?> ObjectToPlain(JsonElement element)
    {
        var result = new Dictionary<string, object?>();
        foreach (var property in element.EnumerateObject()) result[property.Name] = ToPlain(property.Value);
        return result;
    }
}
