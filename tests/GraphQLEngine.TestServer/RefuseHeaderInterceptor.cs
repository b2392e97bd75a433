using GraphQLEngine.Error;
using GraphQLEngine.Http;

namespace GraphQLEngine.TestServer;

/// <summary>Refuses requests carrying <c>X-Refuse: true</c> with 429, the way a rate limiter out of budget would.</summary>
public sealed class RefuseHeaderInterceptor : IGraphQLRequestInterceptor
{
    public ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        if (context.HttpContext.Request.Headers["X-Refuse"] == "true")
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            context.Reject(
                new GraphQLError("Rate limit exceeded.", extensions: new Dictionary<string, object?> { ["code"] = "RATE_LIMITED" }),
                StatusCodes.Status429TooManyRequests);
        }
        return ValueTask.CompletedTask;
    }
}
