using DepinApi.GraphQL.Execution;
using DepinApi.RateLimiting;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// Charges each GraphQL request its query cost against the client's rate-limit budget before it runs, and reports
/// the cost on every response as Shopify's API does: <c>extensions.cost { requestedQueryCost actualQueryCost
/// throttleStatus { maximumAvailable currentlyAvailable restoreRate } }</c>.
/// </summary>
internal sealed class GraphQLCostInterceptor(IRateLimitLedger ledger) : IGraphQLRequestInterceptor
{
    public async ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        var cost = Math.Max(1, context.Analysis!.RequestedQueryCost);
        RequestCost.Set(context.HttpContext, cost);
        var charge = await ledger.ChargeRequestAsync(context.HttpContext, cost);
        if (!charge.Admitted)
        {
            context.Reject(new GraphQLError(charge.Refusal ?? "Rate limit exceeded.", extensions: new Dictionary<string, object?>
            {
                ["code"] = "RATE_LIMITED",
                ["limit"] = charge.Status?.Limit,
                ["cost"] = cost,
                ["remaining"] = charge.Status?.Remaining,
                ["shortBy"] = charge.Status is { } status ? Math.Max(0, cost - status.Remaining) : null,
                ["resetAt"] = charge.Status?.ResetAt.UtcDateTime.ToString("O"),
            }), StatusCodes.Status429TooManyRequests);
        }
    }

    public ValueTask OnResultAsync(GraphQLRequestContext context, ExecutionResult result)
    {
        var status = ledger.GetStatus(context.HttpContext);
        result.Extensions["cost"] = new OrderedDictionary<string, object?>
        {
            ["requestedQueryCost"] = context.Analysis?.RequestedQueryCost ?? 0,
            ["actualQueryCost"] = result.HasData ? ActualCost.Count(result.Data) : 0,
            ["throttleStatus"] = status is null
                ? null
                : new OrderedDictionary<string, object?>
                {
                    ["maximumAvailable"] = status.Limit,
                    ["currentlyAvailable"] = status.Remaining,
                    ["restoreRate"] = status.RestoreRatePerSecond,
                },
        };
        ResponseCaching.Describe(context, result);
        return ValueTask.CompletedTask;
    }
}
