using DepinApi.GraphQL.Execution;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.RateLimiting;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The <c>RateLimit</c> type: the caller's point budget, as GitHub's GraphQL API reports it.</summary>
internal static class RateLimitType
{
    public static GraphQLObjectType Create() => new ObjectTypeBuilder<RateLimitValue>("RateLimit")
        .Description("Your point budget: a bucket of at most `limit` points, refilled continuously at `restoreRate` points a second. Every request costs points (a GraphQL request its query cost, at least 1, or its document's price by size when that is more); a request is admitted while the balance is above zero and may take it below.")
        .Field("limit", new GraphQLNonNull(Scalars.Int), f => f.Description("The most points available at once (the bucket's size).").Resolve(r => r.Limit))
        .Field("cost", new GraphQLNonNull(Scalars.Int), f => f.Description("What this request was charged, as its `RateLimit-Cost` header says: the larger of its query cost and its document's price by size (`extensions.cost.requestedQueryCost` is the query cost alone).").Resolve(r => r.Cost))
        .Field("remaining", new GraphQLNonNull(Scalars.Int), f => f.Description("Whole points available after this request (0 while the balance is not above zero).").Resolve(r => r.Remaining))
        .Field("resetAt", new GraphQLNonNull(DateTimeScalar.Type), f => f.Description("When the bucket is full again if nothing more is spent.").Resolve(r => r.ResetAt))
        .Field("restoreRate", new GraphQLNonNull(Scalars.Float), f => f.Description("Points refilled per second: the sustained rate.").Resolve(r => r.RestoreRate))
        .Build();

    public static RateLimitValue? Resolve(ResolveContext context)
    {
        var http = context.State().Http;
        var status = http.RequestServices.GetService<IRateLimitLedger>()?.GetStatus(http);
        // What the ledger counts this request paid, as RateLimit-Cost writes it: by the time a field runs the request has
        // paid its size price and then its query cost, each a total, so the larger of the two.
        return status is null
            ? null
            : new RateLimitValue(ClampToInt(status.Limit), ClampToInt(status.Charged), ClampToInt(status.Remaining), status.ResetAt,
                status.RestoreRatePerSecond);
    }

    private static int ClampToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    /// <summary>The values behind <c>RateLimit</c>.</summary>
    internal sealed record RateLimitValue(int Limit, int Cost, int Remaining, DateTimeOffset ResetAt, double RestoreRate);
}
