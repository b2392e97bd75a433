using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation;

/// <summary>
/// Checks an executable document against a schema (spec §5, graphql-js's <c>validate</c>).
/// </summary>
public static class DocumentValidator
{
    /// <summary>graphql-js's default error limit.</summary>
    public const int DefaultMaxErrors = 100;

    /// <summary>The error appended, in place of further errors, once the limit is reached.</summary>
    public const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    /// <summary>
    /// Walks <paramref name="document"/> once with every rule's visitor side by side and returns the errors in the
    /// order they were found: an empty list means the document is valid.
    /// </summary>
    /// <param name="schema">Must be valid; an invalid schema throws, as in graphql-js, since rules rely on its invariants.</param>
    /// <param name="document">A parsed document; any document the parser accepts is checked without throwing.</param>
    /// <param name="rules">Rules to apply; <see cref="SpecifiedRules.All"/> when null.</param>
    /// <param name="maxErrors">
    /// Stop after this many errors (a defence against documents crafted to produce huge error lists); the result then
    /// holds <paramref name="maxErrors"/> errors followed by <see cref="TooManyErrorsMessage"/>.
    /// </param>
    /// <exception cref="GraphQLSchemaValidationException">The schema is not valid.</exception>
    public static IReadOnlyList<GraphQLError> Validate(
        GraphQLSchema schema,
        DocumentNode document,
        IReadOnlyList<ValidationRule>? rules = null,
        int maxErrors = DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        schema.AssertValid();
        rules ??= SpecifiedRules.All;

        var errors = new List<GraphQLError>();
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, error =>
        {
            if (errors.Count >= maxErrors)
            {
                errors.Add(new GraphQLError(TooManyErrorsMessage));
                throw new ValidationAbortedException();
            }
            errors.Add(error);
        });

        var visitors = new AstVisitor[rules.Count];
        for (var i = 0; i < rules.Count; i++) visitors[i] = rules[i](context);
        try
        {
            AstWalker.Walk(document, new TypeInfoVisitor(typeInfo, new ParallelVisitor(visitors)));
        }
        catch (ValidationAbortedException)
        {
            // The limit was reached; the errors so far plus the notice are the result.
        }
        return errors;
    }

    /// <summary>Unwinds the walk once the error limit is reached; never escapes <see cref="Validate"/>.</summary>
    private sealed class ValidationAbortedException : Exception;
}
