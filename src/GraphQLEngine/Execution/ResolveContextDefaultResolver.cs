using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace GraphQLEngine.Execution;

/// <summary>
/// The resolver used for fields without one (graphql-js's <c>defaultFieldResolver</c>): reads the entry
/// named like the field from a string-keyed dictionary, or else the public property or field whose name
/// matches the field's name ignoring case. Missing members resolve to null.
/// </summary>
public static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(System.Type, string), Func<object, object?>?> Accessors = new();

    /// <summary>The resolver itself, for storing in a <see cref="FieldResolver"/> slot.</summary>
    public static readonly FieldResolver Instance = context => ValueTask.FromResult(Resolve(context.Source, context.FieldName));

    /// <summary>Reads member <paramref name="name"/> of <paramref name="source"/>; null when there is none.</summary>
    public static object? Resolve(object? source, string name)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.TryGetValue(name, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(name, out var value2) ? value2 : null;
            case IDictionary legacy:
                return legacy.Contains(name) ? legacy[name] : null;
        }
        var accessor = Accessors.GetOrAdd((source.GetType(), name), static key => FindAccessor(key.Item1, key.Item2));
        return accessor?.Invoke(source);
    }

    private static Func<object, object?>? FindAccessor(System.Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        // An exact-case match wins over a case-insensitive one (e.g. "id" vs "Id" on the same type).
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? type.GetProperties(flags).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (property is { CanRead: true } && property.GetIndexParameters().Length == 0) return property.GetValue;
        var field = type.GetFields(flags).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return field is null ? null : field.GetValue;
    }
}
