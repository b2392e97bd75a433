using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Execution;

/// <summary>
/// Converts coerced input values (int, double, string, bool, lists, string-keyed dictionaries, enum
/// internal values) to the CLR type a resolver asks for in <see cref="ResolveContext.GetArgument{T}"/>:
/// numeric widening/narrowing, CLR enums from names, arrays and lists element-wise, and input objects
/// into classes or records by case-insensitive property or constructor-parameter name.
/// </summary>
public static class ArgumentConverter
{
    /// <exception cref="InvalidCastException">No conversion applies.</exception>
    public static object? Convert(object? value, System.Type targetType)
    {
        if (value is null) return null;
        var underlying = Nullable.GetUnderlyingType(targetType) ?? targetType;
        if (underlying.IsInstanceOfType(value)) return value;

        if (underlying.IsEnum) return ToEnum(value, underlying);
        if (underlying.IsArray && value is IEnumerable items && value is not string)
        {
            var elementType = underlying.GetElementType()!;
            var converted = items.Cast<object?>().Select(item => Convert(item, elementType)).ToList();
            var array = Array.CreateInstance(elementType, converted.Count);
            for (var i = 0; i < converted.Count; i++) array.SetValue(converted[i], i);
            return array;
        }
        if (ListElementType(underlying) is { } listElement && value is IEnumerable listItems && value is not string)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(listElement))!;
            foreach (var item in listItems) list.Add(Convert(item, listElement));
            return list;
        }
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying) && underlying != typeof(string))
        {
            try
            {
                return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new InvalidCastException($"Cannot convert {Inspector.Inspect(value)} to {underlying.Name}.", e);
            }
        }
        if (ObjectEntries.TryGetEntries(value, out var entries) && !underlying.IsPrimitive && underlying != typeof(string))
        {
            return ToObject(entries, underlying);
        }
        var converter = TypeDescriptor.GetConverter(underlying);
        if (converter.CanConvertFrom(value.GetType())) return converter.ConvertFrom(null, CultureInfo.InvariantCulture, value);
        throw new InvalidCastException($"Cannot convert {Inspector.Inspect(value)} to {underlying.Name}.");
    }

    private static object ToEnum(object value, System.Type enumType) => value switch
    {
        string name when Enum.TryParse(enumType, name.Replace("_", ""), ignoreCase: true, out var parsed) => parsed!,
        _ when JsNumber.IsNumber(value) => Enum.ToObject(enumType, System.Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ => throw new InvalidCastException($"Cannot convert {Inspector.Inspect(value)} to {enumType.Name}."),
    };

    private static System.Type? ListElementType(System.Type type)
    {
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
               || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static object ToObject(IReadOnlyList<KeyValuePair<string, object?>> entries, System.Type targetType)
    {
        var values = entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        var constructor = targetType.GetConstructor(System.Type.EmptyTypes)
            ?? targetType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidCastException($"Cannot create {targetType.Name}: it has no public constructor.");
        var parameters = constructor.GetParameters();
        var arguments = parameters.Select(p => values.TryGetValue(p.Name!, out var v)
            ? Convert(v, p.ParameterType)
            : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        var instance = constructor.Invoke(arguments);
        var usedByConstructor = parameters.Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in targetType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || usedByConstructor.Contains(property.Name)) continue;
            if (values.TryGetValue(property.Name, out var v)) property.SetValue(instance, Convert(v, property.PropertyType));
        }
        return instance;
    }
}
