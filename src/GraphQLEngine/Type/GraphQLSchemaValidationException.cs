namespace GraphQLEngine.Type;

/// <summary>A schema broke type system rules; the message lists every violation separated by blank lines, as graphql-js's <c>assertValidSchema</c>.</summary>
public sealed class GraphQLSchemaValidationException(IReadOnlyList<SchemaValidationError> errors)
    : Exception(string.Join("\n\n", errors.Select(e => e.Message)))
{
    public IReadOnlyList<SchemaValidationError> Errors { get; } = errors;
}
