using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Execution;

/// <summary>
/// graphql-js's <c>getVariableValues</c>: coerces the request's raw variables (plain values or
/// <see cref="JsonElement"/>) to internal values by the operation's variable definitions. Either every
/// variable coerces, or the result carries the errors (at most <c>maxErrors</c>, then one more saying so).
/// </summary>
public static class VariableValues
{
    public const string TooManyErrorsMessage = "Too many errors processing variables, error limit reached. Execution aborted.";

    /// <param name="schema">The schema the variable types refer to.</param>
    /// <param name="definitions">The operation's variable definitions.</param>
    /// <param name="inputs">Raw values by name; see <see cref="ToInputs"/> for the accepted shapes.</param>
    /// <param name="maxErrors">Stop after this many errors; null for no limit.</param>
    /// <param name="sent">
    /// The variables as JSON, when they came as JSON: an error then quotes a number no double holds as it was sent
    /// (<see cref="SentNumbers"/>).
    /// </param>
    public static (Dictionary<string, object?>? Coerced, IReadOnlyList<GraphQLError>? Errors) Coerce(
        GraphQLSchema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?> inputs,
        int? maxErrors,
        JsonElement? sent = null)
    {
        var errors = new List<GraphQLError>();
        try
        {
            var coerced = CoerceAll(schema, definitions, inputs, sent, error =>
            {
                if (maxErrors is { } max && errors.Count >= max) throw new GraphQLError(TooManyErrorsMessage);
                errors.Add(error);
            });
            if (errors.Count == 0) return (coerced, null);
        }
        catch (GraphQLError error)
        {
            errors.Add(error);
        }
        return (null, errors);
    }

    /// <summary>
    /// Raw variables as a string-keyed map: null, <see cref="IReadOnlyDictionary{TKey,TValue}"/>,
    /// <see cref="IDictionary{TKey,TValue}"/>, or a JSON object (<see cref="JsonElement"/>, <see cref="JsonDocument"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Anything else, e.g. a JSON array or a string that still needs parsing.</exception>
    public static IReadOnlyDictionary<string, object?> ToInputs(object? rawVariables)
    {
        switch (rawVariables)
        {
            case null:
            case JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return new Dictionary<string, object?>();
            case JsonDocument document:
                return ToInputs(document.RootElement);
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return (Dictionary<string, object?>)JsonValues.ToPlain(element)!;
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly;
        }
        if (ObjectEntries.TryGetEntries(rawVariables, out var entries))
        {
            var map = new Dictionary<string, object?>();
            foreach (var (key, value) in entries) map[key] = value;
            return map;
        }
        throw new ArgumentException(
            "Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided.",
            nameof(rawVariables));
    }

    private static Dictionary<string, object?> CoerceAll(
        GraphQLSchema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?> inputs,
        JsonElement? sent,
        Action<GraphQLError> onError)
    {
        var coercedValues = new Dictionary<string, object?>();
        foreach (var definition in definitions)
        {
            var name = definition.Variable.Name.Value;
            var type = TypeFromAst.Convert(schema, definition.Type);
            if (!type.IsInputType())
            {
                onError(new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{Printer.Print(definition.Type)}\" which cannot be used as an input type.",
                    [definition.Type]));
                continue;
            }

            if (!inputs.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    coercedValues[name] = ValueFromAst.Convert(definition.DefaultValue, type);
                }
                else if (type is GraphQLNonNull)
                {
                    onError(new GraphQLError(
                        $"Variable \"${name}\" of required type \"{Inspector.Inspect(type)}\" was not provided.", [definition]));
                }
                continue;
            }

            if (value is JsonElement json) value = JsonValues.ToPlain(json);
            if (value is null && type is GraphQLNonNull)
            {
                onError(new GraphQLError(
                    $"Variable \"${name}\" of non-null type \"{Inspector.Inspect(type)}\" must not be null.", [definition]));
                continue;
            }

            coercedValues[name] = CoerceInputValue.Coerce(value, type, (path, invalidValue, error) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value " +
                             (SentNumbers.Quote(sent, name, path, invalidValue, MaxQuotedValueLength)
                              ?? Inspector.Inspect(invalidValue, MaxQuotedValueLength));
                if (path.Count > 0) prefix += $" at \"{name}{CoerceInputValue.PrintPath(path)}\"";
                onError(new GraphQLError(prefix + "; " + error.Message, [definition], originalError: error,
                    extensions: error.Extensions));
            });
        }
        return coercedValues;
    }

    /// <summary>
    /// Longest value an error quotes in full, in characters. graphql-js quotes the whole value in every error; an input
    /// object with 50 unknown fields and an 80 KB string came back 50 times, a 4 MB answer to a refused request.
    /// </summary>
    public const int MaxQuotedValueLength = 256;
}
