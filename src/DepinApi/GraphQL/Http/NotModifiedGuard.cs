using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Http;
using Microsoft.Net.Http.Headers;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// <c>If-None-Match</c> on a GET (RFC 9110 13.1.2): a result's tag is made of what decides it (the data version, the
/// schema, the document, the variables, the media type; <see cref="ResponseCaching"/>), so a tag the client holds is
/// compared before execution and a match is answered 304 without executing. The output cache answers so when it still
/// keeps the result; without this, one it had evicted (or a server without the cache) ran the operation and sent the
/// whole result again under the same tag. Before the cost is charged: a 304 costs what a cached answer's does.
/// <c>If-None-Match: *</c> is left to execution, which alone shows whether there is a result to match.
/// </summary>
internal sealed class NotModifiedGuard : IGraphQLRequestInterceptor
{
    public ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        var request = context.HttpContext.Request;
        if (!context.Request.IsGet || !request.Headers.ContainsKey(HeaderNames.IfNoneMatch)
            || ResponseCaching.TagBeforeExecution(context) is not { } tag)
            return ValueTask.CompletedTask;
        if (Preconditions.Evaluate(request, [EntityTag.Of(tag)]).Outcome == Preconditions.Outcome.NotModified)
        {
            ResponseCaching.DescribeTagged(context, tag);
            context.AnswerNotModified();
        }
        return ValueTask.CompletedTask;
    }
}
