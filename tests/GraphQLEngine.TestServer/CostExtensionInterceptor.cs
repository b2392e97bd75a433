using GraphQLEngine.Execution;
using GraphQLEngine.Http;

namespace GraphQLEngine.TestServer;

/// <summary>Reports the measured cost in <c>extensions.cost</c>, as an application charging by cost would.</summary>
public sealed class CostExtensionInterceptor(long maxCost) : IGraphQLRequestInterceptor
{
    public ValueTask OnResultAsync(GraphQLRequestContext context, ExecutionResult result)
    {
        if (context.Analysis is { } analysis)
        {
            result.Extensions["cost"] = new Dictionary<string, object?>
            {
                ["requestedQueryCost"] = analysis.RequestedQueryCost,
                ["maximumAvailable"] = maxCost,
            };
        }
        return ValueTask.CompletedTask;
    }
}
