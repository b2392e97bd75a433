using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Type;

/// <summary>
/// A type whose values are leaves of the response: <see cref="GraphQLScalarType"/> and <see cref="GraphQLEnumType"/>.
/// The three methods coerce between internal values (what resolvers produce and receive) and external ones
/// (JSON results, JSON variables, literals). Each throws <see cref="GraphQLError"/> when the value
/// cannot be represented; returning <see cref="Undefined.Value"/> also means "invalid".
/// </summary>
public interface ILeafType
{
    string Name { get; }

    /// <summary>Internal value → result value (executor's completeLeafValue).</summary>
    object? Serialize(object? outputValue);

    /// <summary>Variable value (plain JSON-ish) → internal value.</summary>
    object? ParseValue(object? inputValue);

    /// <summary>Literal in a document → internal value; <paramref name="variables"/> serves custom scalars that accept variables inside literals.</summary>
    object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null);
}
