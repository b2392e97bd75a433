using System.Globalization;
using GraphQLEngine.Error;
using GraphQLEngine.Http;

namespace GraphQLEngine.TestServer;

/// <summary>
/// Refuses requests carrying <c>X-Refuse: true</c> with 429, the way a rate limiter out of budget would; and those
/// carrying <c>X-Refuse-Received: true</c> as soon as their bytes are in, saying how many it saw (in the error, and in
/// <c>X-Received-Bytes</c> and <c>X-Received-Over-Limit</c>).
/// </summary>
public sealed class RefuseHeaderInterceptor : IGraphQLRequestInterceptor
{
    public ValueTask OnReceivedAsync(GraphQLReceivedRequest request)
    {
        if (request.HttpContext.Request.Headers["X-Refuse-Received"] == "true")
        {
            // On the response too: a body refused for passing the size limit keeps its 413, and this says what was read.
            request.HttpContext.Response.Headers["X-Received-Bytes"] = request.Bytes.ToString(CultureInfo.InvariantCulture);
            request.HttpContext.Response.Headers["X-Received-Over-Limit"] = request.OverLimit ? "true" : "false";
            request.Reject(
                new GraphQLError("Refused on receipt.", extensions: new Dictionary<string, object?>
                {
                    ["code"] = "RATE_LIMITED",
                    ["bytes"] = request.Bytes.ToString(CultureInfo.InvariantCulture),
                    ["get"] = request.IsGet,
                }),
                StatusCodes.Status429TooManyRequests);
        }
        return ValueTask.CompletedTask;
    }

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
