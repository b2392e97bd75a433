using GraphQLEngine.Execution;

namespace GraphQLEngine.Http;

/// <summary>
/// Answers a whole query operation at once instead of field by field (e.g. by compiling its selection into a single
/// database query), for the operations it knows how to; the resolvers answer the rest. Register it as a service; a
/// GraphQL endpoint tries it before the resolvers, after every <see cref="IGraphQLRequestInterceptor.OnExecutingAsync"/>.
/// </summary>
/// <remarks>
/// It must answer exactly as the resolvers would, or not at all: return null for anything it cannot answer the same
/// way, errors included.
/// </remarks>
public interface IGraphQLOperationExecutor
{
    /// <summary>The operation's result, or null to leave it to the resolvers.</summary>
    /// <param name="context">The request, with <see cref="GraphQLRequestContext.UserContext"/> built.</param>
    /// <param name="request">
    /// What the resolvers would execute; <see cref="OperationSelection.TryCreate"/> resolves what it selects, as execution
    /// resolves it (an executor that remembers its answers per document and variables may not need to).
    /// </param>
    ValueTask<ExecutionResult?> TryExecuteAsync(GraphQLRequestContext context, ExecutionRequest request);
}
