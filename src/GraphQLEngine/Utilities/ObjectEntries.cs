using System.Collections;

namespace GraphQLEngine.Utilities;

/// <summary>
/// Treats the dictionary shapes that carry JSON-ish objects (<see cref="IReadOnlyDictionary{TKey,TValue}"/>,
/// <see cref="IDictionary{TKey,TValue}"/>, non-generic <see cref="IDictionary"/>) uniformly as string-keyed objects.
/// </summary>
public static class ObjectEntries
{
    /// <summary>Whether <paramref name="value"/> is an object-like map (graphql-js's <c>isObjectLike</c> minus arrays).</summary>
    public static bool IsObjectLike(object? value) =>
        value is IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or IDictionary;

    /// <summary>The entries of an object-like map in its enumeration order.</summary>
    public static bool TryGetEntries(object? value, out IReadOnlyList<KeyValuePair<string, object?>> entries)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> readOnly:
                entries = readOnly.ToList();
                return true;
            case IDictionary<string, object?> dictionary:
                entries = dictionary.ToList();
                return true;
            case IDictionary legacy:
                entries = legacy.Cast<DictionaryEntry>()
                    .Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key) ?? "", e.Value))
                    .ToList();
                return true;
            default:
                entries = [];
                return false;
        }
    }

    /// <summary>Looks a key up in an object-like map; <see cref="Type.Undefined.Value"/> when absent.</summary>
    public static object? Get(object? value, string key)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.TryGetValue(key, out var found) ? found : Type.Undefined.Value;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(key, out var found2) ? found2 : Type.Undefined.Value;
            case IDictionary legacy:
                return legacy.Contains(key) ? legacy[key] : Type.Undefined.Value;
            default:
                return Type.Undefined.Value;
        }
    }
}
