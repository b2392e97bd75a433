using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Execution;

/// <summary>
/// Executes a validated document (graphql-js's <c>execute</c>, spec section 6). Only query operations run:
/// this engine serves read-only APIs.
/// </summary>
public static class Executor
{
    /// <summary>The error of a mutation or subscription against a schema that defines that root type.</summary>
    public const string ReadOnlyMessage = "Only query operations are supported; this service is read-only.";

    /// <summary>
    /// Selects the operation, coerces the variables and executes the operation's selection set.
    /// Request errors (no such operation, invalid variables) give a result without data; errors raised
    /// while executing give a result with data, where failed fields are null.
    /// </summary>
    /// <exception cref="Type.GraphQLSchemaValidationException">The schema is invalid.</exception>
    /// <exception cref="ArgumentException">The variables are not an object.</exception>
    /// <exception cref="OperationCanceledException">The request's cancellation token fired.</exception>
    public static async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Schema.AssertValid();

        var (prepared, operationError) = PreparedOperation.For(request);
        if (prepared is null) return ExecutionResult.RequestError([operationError!]);
        if (prepared.VariableErrors is { } variableErrors) return ExecutionResult.RequestError(variableErrors);
        var operation = prepared.Operation;

        var rootType = request.Schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            return ExecutionResult.NullData([new GraphQLError(
                $"Schema is not configured to execute {OperationName(operation.Operation)} operation.", [operation])]);
        }
        if (operation.Operation != OperationType.Query)
        {
            return ExecutionResult.NullData([new GraphQLError(ReadOnlyMessage, [operation])]);
        }

        var engine = new ExecutionEngine(request, operation, prepared.Fragments, prepared.Variables!);
        // Resolvers resumed by data loader deliveries must run inline on the engine's flow; a captured
        // synchronization context (UI, test runners) would post them elsewhere and split batches.
        return SynchronizationContext.Current is null
            ? await engine.ExecuteAsync(rootType).ConfigureAwait(false)
            : await Task.Run(() => engine.ExecuteAsync(rootType)).ConfigureAwait(false);
    }

    private static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };
}
