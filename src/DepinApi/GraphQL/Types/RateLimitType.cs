using DepinApi.GraphQL.Execution;
using DepinApi.GraphQL.Http;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.RateLimiting;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The <c>RateLimit</c> type: the caller's point budget, as GitHub's GraphQL API reports it.</summary>
internal static class RateLimitType
{
    public static GraphQLObjectType Create() => new ObjectTypeBuilder<RateLimitValue>("RateLimit")
        .Description("Your point budget for the current window. Every request costs points: a GraphQL request its query cost (at least 1).")
        .Field("limit", new GraphQLNonNull(Scalars.Int), f => f.Description("Points per window.").Resolve(r => r.Limit))
        .Field("cost", new GraphQLNonNull(Scalars.Int), f => f.Description("What this request cost.").Resolve(r => r.Cost))
        .Field("remaining", new GraphQLNonNull(Scalars.Int), f => f.Description("Points left in the window after this request.").Resolve(r => r.Remaining))
        .Field("resetAt", new GraphQLNonNull(DateTimeScalar.Type), f => f.Description("When the window ends and the whole budget is back.").Resolve(r => r.ResetAt))
        .Build();

    public static RateLimitValue? Resolve(ResolveContext context)
    {
        var http = context.State().Http;
        var status = http.RequestServices.GetService<IRateLimitLedger>()?.GetStatus(http);
        return status is null
            ? null
            : new RateLimitValue(ClampToInt(status.Limit), ClampToInt(RequestCost.Get(http) ?? status.Charged), ClampToInt(status.Remaining), status.ResetAt);
    }

    private static int ClampToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    /// <summary>The values behind <c>RateLimit</c>.</summary>
    internal sealed record RateLimitValue(int Limit, int Cost, int Remaining, DateTimeOffset ResetAt);
}
