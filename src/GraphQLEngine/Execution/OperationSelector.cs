using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Execution;

/// <summary>
/// Picks the operation to execute and indexes the fragments, as graphql-js's <c>buildExecutionContext</c>
/// does (the spec's GetOperation).
/// </summary>
public static class OperationSelector
{
    /// <returns>The operation and the fragments by name, or the request error.</returns>
    public static (OperationDefinitionNode? Operation, IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments, GraphQLError? Error)
        Select(DocumentNode document, string? operationName)
    {
        OperationDefinitionNode? operation = null;
        var fragments = new Dictionary<string, FragmentDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode candidate:
                    if (operationName is null)
                    {
                        if (operation is not null)
                            return (null, fragments, new GraphQLError("Must provide operation name if query contains multiple operations."));
                        operation = candidate;
                    }
                    else if (candidate.Name?.Value == operationName)
                    {
                        operation = candidate;
                    }
                    break;
                case FragmentDefinitionNode fragment:
                    fragments[fragment.Name.Value] = fragment;
                    break;
            }
        }
        if (operation is null)
        {
            return (null, fragments, new GraphQLError(operationName is not null
                ? $"Unknown operation named \"{operationName}\"."
                : "Must provide an operation."));
        }
        return (operation, fragments, null);
    }
}
