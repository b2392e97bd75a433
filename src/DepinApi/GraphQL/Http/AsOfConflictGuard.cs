using DepinApi.GraphQL.Execution;
using GraphQLEngine.Error;
using GraphQLEngine.Http;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// Fails a request whose root fields name different points in history (<c>AS_OF_CONFLICT</c>) before it runs, and so
/// before it is charged its query cost: which version a request reads is decided from its document
/// (<see cref="RequestAsOf"/>), so nothing of it could be answered. Left to execution, every root field that opened the
/// read session met the conflict as an error of its own, with a path and <c>null</c> in its place; failed here, it is one
/// error for the request and <c>data: null</c>, whichever path (compiled or resolvers) would have run it.
/// </summary>
internal sealed class AsOfConflictGuard : IGraphQLRequestInterceptor
{
    public ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        var prepared = context.Prepared!;
        try
        {
            // Called only for an operation whose variables coerced.
            if (RequestAsOf.Conflict(prepared.Operation, prepared.Fragments, prepared.Variables!) is { } conflict)
                context.FailOperation(conflict);
        }
        catch (GraphQLError)
        {
            // A root field's @skip or @include condition is null: execution answers that, where graphql-js does.
        }
        return ValueTask.CompletedTask;
    }
}
