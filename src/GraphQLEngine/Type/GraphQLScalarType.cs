using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Type;

/// <summary>
/// A leaf type whose coercion the application defines. Without <see cref="Serializer"/> and
/// <see cref="ValueParser"/> values pass through unchanged; without <see cref="LiteralParser"/> literals
/// are converted with <see cref="ValueFromAstUntyped"/> and handed to <see cref="ValueParser"/>,
/// as graphql-js does.
/// </summary>
/// <example>
/// <code>
/// var dateTime = new GraphQLScalarType("DateTime")
/// {
///     Description = "An ISO-8601 instant.",
///     Serializer = v => ((DateTimeOffset)v!).ToString("O"),
///     ValueParser = v => v is string s ? DateTimeOffset.Parse(s) : throw new GraphQLError("…"),
/// };
/// </code>
/// </example>
public sealed class GraphQLScalarType(string name) : GraphQLNamedType(name), ILeafType
{
    /// <summary>URL of the specification of this scalar's behaviour, exposed as <c>specifiedByURL</c>.</summary>
    public string? SpecifiedByUrl { get; init; }

    /// <summary>Internal value → result value.</summary>
    public Func<object?, object?>? Serializer { get; init; }

    /// <summary>Variable value → internal value.</summary>
    public Func<object?, object?>? ValueParser { get; init; }

    /// <summary>Literal → internal value.</summary>
    public LiteralParser? LiteralParser { get; init; }

    public object? Serialize(object? outputValue) => Serializer is null ? outputValue : Serializer(Plain(outputValue));

    /// <remarks>A <see cref="System.Text.Json.JsonElement"/> is converted to a plain value first, so parsers only see plain values.</remarks>
    public object? ParseValue(object? inputValue) => ValueParser is null ? Plain(inputValue) : ValueParser(Plain(inputValue));

    public object? ParseLiteral(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null) =>
        LiteralParser is not null
            ? LiteralParser(valueNode, variables)
            : ParseValue(ValueFromAstUntyped.Convert(valueNode, variables));

    private static object? Plain(object? value) => value is System.Text.Json.JsonElement json ? JsonValues.ToPlain(json) : value;
}
