using System.Collections;
using System.Text.Json;
using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>
/// Renders values for error messages exactly like graphql-js's <c>inspect()</c>: strings JSON-quoted,
/// lists as <c>[1, 2]</c>, objects as <c>{ a: 1 }</c>, depth and length limited, types by their name.
/// </summary>
public static class Inspector
{
    private const int MaxArrayLength = 10;
    private const int MaxRecursiveDepth = 2;

    public static string Inspect(object? value) => FormatValue(value, []);

    /// <summary>
    /// <see cref="Inspect(object?)"/> cut after <paramref name="maxLength"/> characters, saying how long it was: for a
    /// value a client sent, which a refusal must not send back whole (graphql-js quotes it whole, in every error).
    /// </summary>
    public static string Inspect(object? value, int maxLength)
    {
        var inspected = Inspect(value);
        return inspected.Length <= maxLength
            ? inspected
            : inspected[..maxLength] + $"… ({inspected.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters)";
    }

    private static string FormatValue(object? value, List<object> seen)
    {
        switch (value)
        {
            case null: return "null";
            case Undefined: return "undefined";
            case string s: return JsonSerializer.Serialize(s, JsonStrings.Options);
            case char c: return JsonSerializer.Serialize(c.ToString(), JsonStrings.Options);
            case bool b: return b ? "true" : "false";
            case Enum e: return e.ToString();
            case GraphQLType t: return t.ToString();
            case GraphQLDirective d: return "@" + d.Name;
            case JsonElement json: return FormatValue(JsonValues.ToPlain(json), seen);
        }
        if (JsNumber.IsNumber(value)) return JsNumber.Format(value);
        if (seen.Any(s => ReferenceEquals(s, value))) return "[Circular]";
        var nextSeen = new List<object>(seen) { value };

        if (ObjectEntries.TryGetEntries(value, out var entries)) return FormatObject(value, entries, nextSeen);
        if (value is IEnumerable enumerable) return FormatArray(enumerable.Cast<object?>().ToList(), nextSeen);
        return value.ToString() ?? "";
    }

    private static string FormatObject(object obj, IReadOnlyList<KeyValuePair<string, object?>> entries, List<object> seen)
    {
        if (entries.Count == 0) return "{}";
        if (seen.Count > MaxRecursiveDepth) return "[" + ObjectTag(obj) + "]";
        return "{ " + string.Join(", ", entries.Select(e => e.Key + ": " + FormatValue(e.Value, seen))) + " }";
    }

    private static string FormatArray(List<object?> items, List<object> seen)
    {
        if (items.Count == 0) return "[]";
        if (seen.Count > MaxRecursiveDepth) return "[Array]";
        var length = Math.Min(MaxArrayLength, items.Count);
        var remaining = items.Count - length;
        var parts = items.Take(length).Select(item => FormatValue(item, seen)).ToList();
        if (remaining == 1) parts.Add("... 1 more item");
        else if (remaining > 1) parts.Add($"... {remaining} more items");
        return "[" + string.Join(", ", parts) + "]";
    }

    private static string ObjectTag(object obj) =>
        obj is IDictionary or IReadOnlyDictionary<string, object?> ? "Object" : obj.GetType().Name;
}
