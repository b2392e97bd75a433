using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>
/// The operation a request runs, with its fragments and its coerced variables: the spec's GetOperation and
/// CoerceVariableValues done once per request, so that the cost analysis, an executor that answers the whole
/// operation and the resolvers' executor all read the same outcome instead of each selecting and coercing again.
/// </summary>
public sealed class PreparedOperation
{
    private PreparedOperation(
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?>? variables,
        IReadOnlyList<GraphQLError>? variableErrors)
    {
        Operation = operation;
        Fragments = fragments;
        Variables = variables;
        VariableErrors = variableErrors;
    }

    public OperationDefinitionNode Operation { get; }

    /// <summary>The document's fragments by name.</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>The coerced variable values; null when they do not coerce (see <see cref="VariableErrors"/>).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; }

    /// <summary>Why the variables do not coerce: the request error execution answers with; null when they do.</summary>
    public IReadOnlyList<GraphQLError>? VariableErrors { get; }

    /// <summary>Selects the operation of <paramref name="document"/> and coerces <paramref name="rawVariables"/> for it.</summary>
    /// <param name="rawVariables">As <see cref="ExecutionRequest.VariableValues"/> takes them.</param>
    /// <param name="maxCoercionErrors">As <see cref="ExecutionOptions.MaxCoercionErrors"/>.</param>
    /// <returns>The prepared operation, or the request error when no operation can be selected.</returns>
    /// <exception cref="ArgumentException">The variables are not an object.</exception>
    public static (PreparedOperation? Prepared, GraphQLError? OperationError) Prepare(
        GraphQLSchema schema, DocumentNode document, string? operationName, object? rawVariables, int? maxCoercionErrors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var (operation, fragments, operationError) = OperationSelector.Select(document, operationName);
        if (operation is null) return (null, operationError);
        var sent = rawVariables switch
        {
            JsonElement element => element,
            JsonDocument json => json.RootElement,
            _ => (JsonElement?)null,
        };
        var (variables, variableErrors) = VariableValues.Coerce(
            schema, operation.VariableDefinitions, VariableValues.ToInputs(rawVariables), maxCoercionErrors, sent);
        return (new PreparedOperation(operation, fragments, variables, variableErrors), null);
    }

    /// <summary>
    /// <see cref="ExecutionRequest.Prepared"/> when the caller prepared it, else prepared here.
    /// </summary>
    /// <exception cref="ArgumentException">The variables are not an object.</exception>
    public static (PreparedOperation? Prepared, GraphQLError? OperationError) For(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Prepared is { } prepared
            ? (prepared, null)
            : Prepare(request.Schema, request.Document, request.OperationName, request.VariableValues, request.Options.MaxCoercionErrors);
    }
}
