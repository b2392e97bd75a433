using System.Collections;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>Receives one problem found by <see cref="CoerceInputValue.Coerce"/>; <paramref name="path"/> holds field names and list indices from the top value.</summary>
public delegate void InputCoercionErrorHandler(IReadOnlyList<object> path, object? invalidValue, GraphQLError error);

/// <summary>
/// graphql-js's <c>coerceInputValue</c>: an external (JSON-ish) value to the internal value of an input
/// type — used for variable values. Accepts plain .NET values and <see cref="System.Text.Json.JsonElement"/>.
/// Every problem goes to the error handler; without one the first problem throws with graphql-js's
/// message, e.g. <c>Invalid value "x" at "value.a[0]": Int cannot represent non-integer value: "x"</c>.
/// Returns <see cref="Undefined.Value"/> where the value is invalid.
/// </summary>
public static class CoerceInputValue
{
    public static object? Coerce(object? inputValue, GraphQLType type, InputCoercionErrorHandler? onError = null) =>
        CoerceImpl(inputValue, type, onError ?? DefaultOnError, null);

    /// <summary>graphql-js's <c>printPathArray</c>: <c>.a[0].b</c>.</summary>
    public static string PrintPath(IReadOnlyList<object> path) =>
        string.Concat(path.Select(key => key is int index ? $"[{index}]" : "." + key));

    private static void DefaultOnError(IReadOnlyList<object> path, object? invalidValue, GraphQLError error)
    {
        var prefix = "Invalid value " + Inspector.Inspect(invalidValue);
        if (path.Count > 0) prefix += $" at \"value{PrintPath(path)}\"";
        throw new GraphQLError(prefix + ": " + error.Message, error.Nodes, error.Path, error.OriginalError, error.Extensions);
    }

    private static object? CoerceImpl(object? inputValue, GraphQLType type, InputCoercionErrorHandler onError, ResponsePath? path)
    {
        if (inputValue is System.Text.Json.JsonElement json) inputValue = JsonValues.ToPlain(json);

        if (type is GraphQLNonNull nonNull)
        {
            if (inputValue is not null && !Undefined.Is(inputValue)) return CoerceImpl(inputValue, nonNull.OfType, onError, path);
            onError(ToList(path), inputValue, new GraphQLError(
                $"Expected non-nullable type \"{Inspector.Inspect(type)}\" not to be null."));
            return Undefined.Value;
        }

        if (inputValue is null || Undefined.Is(inputValue)) return null;

        switch (type)
        {
            case GraphQLList list:
                if (inputValue is IEnumerable items && inputValue is not string && !ObjectEntries.IsObjectLike(inputValue))
                {
                    var coerced = new List<object?>();
                    var index = 0;
                    foreach (var item in items)
                    {
                        coerced.Add(CoerceImpl(item, list.OfType, onError, ResponsePath.Add(path, index)));
                        index++;
                    }
                    return coerced;
                }
                // Lists accept a non-list value as a list of one.
                return new List<object?> { CoerceImpl(inputValue, list.OfType, onError, path) };

            case GraphQLInputObjectType inputObject:
                return CoerceInputObject(inputValue, inputObject, onError, path);

            case ILeafType leaf:
                return CoerceLeaf(inputValue, leaf, onError, path);

            default:
                throw new ArgumentException($"Unexpected input type: {Inspector.Inspect(type)}.", nameof(type));
        }
    }

    private static object? CoerceInputObject(object inputValue, GraphQLInputObjectType type, InputCoercionErrorHandler onError, ResponsePath? path)
    {
        if (!ObjectEntries.TryGetEntries(inputValue, out var entries))
        {
            onError(ToList(path), inputValue, new GraphQLError($"Expected type \"{type.Name}\" to be an object."));
            return Undefined.Value;
        }

        var provided = new Dictionary<string, object?>();
        foreach (var entry in entries) provided[entry.Key] = entry.Value;

        var coercedValue = new Dictionary<string, object?>();
        var fieldDefs = type.GetFields();
        foreach (var field in fieldDefs.Values)
        {
            if (!provided.TryGetValue(field.Name, out var fieldValue) || Undefined.Is(fieldValue))
            {
                if (field.HasDefaultValue)
                {
                    coercedValue[field.Name] = field.DefaultValue;
                }
                else if (field.Type is GraphQLNonNull)
                {
                    onError(ToList(path), inputValue, new GraphQLError(
                        $"Field \"{field.Name}\" of required type \"{Inspector.Inspect(field.Type)}\" was not provided."));
                }
                continue;
            }
            coercedValue[field.Name] = CoerceImpl(fieldValue, field.Type, onError, ResponsePath.Add(path, field.Name, type.Name));
        }

        foreach (var fieldName in provided.Keys)
        {
            if (fieldDefs.ContainsKey(fieldName)) continue;
            var suggestions = SuggestionList.Suggest(fieldName, fieldDefs.Keys);
            onError(ToList(path), inputValue, new GraphQLError(
                $"Field \"{fieldName}\" is not defined by type \"{type.Name}\"." + DidYouMean.Format(suggestions)));
        }

        if (type.IsOneOf)
        {
            if (coercedValue.Count != 1)
            {
                onError(ToList(path), inputValue, new GraphQLError(
                    $"Exactly one key must be specified for OneOf type \"{type.Name}\"."));
            }
            if (coercedValue.Count > 0)
            {
                var (key, value) = coercedValue.First();
                if (value is null)
                {
                    onError([.. ToList(path), key], value, new GraphQLError($"Field \"{key}\" must be non-null."));
                }
            }
        }
        return coercedValue;
    }

    private static object? CoerceLeaf(object inputValue, ILeafType type, InputCoercionErrorHandler onError, ResponsePath? path)
    {
        object? parseResult;
        try
        {
            parseResult = type.ParseValue(inputValue);
        }
        catch (GraphQLError error)
        {
            onError(ToList(path), inputValue, error);
            return Undefined.Value;
        }
        catch (Exception error)
        {
            onError(ToList(path), inputValue, new GraphQLError($"Expected type \"{type.Name}\". " + error.Message, originalError: error));
            return Undefined.Value;
        }
        if (Undefined.Is(parseResult))
        {
            onError(ToList(path), inputValue, new GraphQLError($"Expected type \"{type.Name}\"."));
        }
        return parseResult;
    }

    private static IReadOnlyList<object> ToList(ResponsePath? path) => path?.ToList() ?? [];
}
