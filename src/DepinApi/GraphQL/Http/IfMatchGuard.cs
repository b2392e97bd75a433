using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Error;
using GraphQLEngine.Http;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// <c>If-Match</c> on a GET (RFC 9110 13.1.1). A result's tag is weak (<see cref="ResponseCaching"/>) and If-Match
/// compares strongly, so no listed tag can match: the request is refused 412 without being executed, once its document
/// is known to run (one that cannot is answered with its own error, RFC 9110 13.2.1). <c>If-Match: *</c> holds for any
/// result. A POST is no conditional request here, as for <c>If-None-Match</c> (<see cref="GraphQLOutputCachePolicy"/>).
/// </summary>
internal sealed class IfMatchGuard : IGraphQLRequestInterceptor
{
    public const string Code = "PRECONDITION_FAILED";

    public ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        if (context.Request.IsGet && Preconditions.IfMatchListsTags(context.HttpContext.Request))
        {
            context.Reject(new GraphQLError(
                "If-Match names no entity tag of the current result: this API's GraphQL results have weak tags, which If-Match "
                + "never matches. Send the query without If-Match.",
                extensions: new Dictionary<string, object?> { ["code"] = Code }), StatusCodes.Status412PreconditionFailed);
        }
        return ValueTask.CompletedTask;
    }
}
