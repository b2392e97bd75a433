namespace DepinApi.RateLimiting;

/// <summary>
/// A handler's answer when a charge for its work was refused (<see cref="IRateLimitLedger.ChargeRequestAsync"/>):
/// the 429 problem naming the limit, with the headers the refused charge set.
/// </summary>
public sealed class RateLimitRefusalResult : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status429TooManyRequests;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return RateLimitRejection.WriteAsync(httpContext);
    }
}
