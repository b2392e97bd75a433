using DepinApi.Fairness;
using GraphQLEngine.Http;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// Gives a large request's place back once its document is parsed and checked (<see cref="BuildSlot.LeaveLargePlace"/>):
/// the place bounds how many long documents are checked at once, and what the document then costs to execute is
/// charged by its cost and built with its turn like any request's.
/// </summary>
internal sealed class LargeDocumentChecked : IGraphQLRequestInterceptor
{
    public ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        BuildSlot.Of(context.HttpContext)?.LeaveLargePlace();
        return ValueTask.CompletedTask;
    }
}
