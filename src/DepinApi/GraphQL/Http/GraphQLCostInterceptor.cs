using DepinApi.GraphQL.Execution;
using DepinApi.Observability;
using DepinApi.RateLimiting;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;
using Microsoft.Extensions.Options;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// Charges each GraphQL request its query cost against the client's rate-limit budget before it runs, and reports
/// the cost on every response as Shopify's API does: <c>extensions.cost { requestedQueryCost actualQueryCost
/// throttleStatus { maximumAvailable currentlyAvailable restoreRate } }</c>: the bucket's size, the whole points in
/// it now, and the points it refills per second. Before that, once the request's bytes are in and before any of them
/// is parsed, it charges the request's price by size (<see cref="GraphQLApiOptions.DocumentBytesPerPoint"/>): the work of
/// reading the JSON body or query string, and then of parsing, validating and measuring the document, grows with what
/// was sent, and a request refused for its cost, its shape or its JSON never pays a query cost, so without this price a
/// flood of long refused requests (or of 256 KiB bodies holding a member nothing reads) would cost a point each.
/// </summary>
internal sealed class GraphQLCostInterceptor(IRateLimitLedger ledger, IOptions<GraphQLApiOptions> options) : IGraphQLRequestInterceptor
{
    public async ValueTask OnReceivedAsync(GraphQLReceivedRequest request)
    {
        var price = RequestPrice(request.Bytes);
        // The admission point is paid already; a charge is a request's total so far, so 1 changes nothing.
        if (price > 1 && await ChargeAsync(request.HttpContext, price) is { } refusal)
            request.Reject(refusal, StatusCodes.Status429TooManyRequests);
    }

    public async ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        var cost = Math.Max(1, context.Analysis!.RequestedQueryCost);
        // A total, so a request whose price was more than its cost pays nothing further.
        if (await ChargeAsync(context.HttpContext, cost) is { } refusal)
            context.Reject(refusal, StatusCodes.Status429TooManyRequests);
        else
            DepinMetrics.Of(context.HttpContext)?.GraphQLCostCharged(cost);
    }

    /// <summary>The response keys of the root fields that introspect (<c>__schema</c>, <c>__type</c>), fragments included.</summary>
    private static HashSet<string> IntrospectionKeys(GraphQLRequestContext context)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (context.Prepared is { } prepared)
            Collect(prepared.Operation.SelectionSet, prepared.Fragments, keys, []);
        return keys;
    }

    private static void Collect(GraphQLEngine.Language.SelectionSetNode selections,
        IReadOnlyDictionary<string, GraphQLEngine.Language.FragmentDefinitionNode> fragments, HashSet<string> keys, HashSet<string> visited)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLEngine.Language.FieldNode { Name.Value: "__schema" or "__type" } field:
                    keys.Add(field.Alias?.Value ?? field.Name.Value);
                    break;
                case GraphQLEngine.Language.InlineFragmentNode inline:
                    Collect(inline.SelectionSet, fragments, keys, visited);
                    break;
                case GraphQLEngine.Language.FragmentSpreadNode spread
                    when visited.Add(spread.Name.Value) && fragments.TryGetValue(spread.Name.Value, out var fragment):
                    Collect(fragment.SelectionSet, fragments, keys, visited);
                    break;
            }
        }
    }

    /// <summary>
    /// One point per started block of <see cref="GraphQLApiOptions.DocumentBytesPerPoint"/> bytes of the request as
    /// received (a POST's body, a GET's query string), at least 1: reading JSON is work that grows with it whatever it
    /// holds (256 KB of nested empty arrays in a member nothing reads took 15–19 ms to read for one point), as parsing and coercing do
    /// (20,000 unknown fields of one input object took 140 ms to refuse for one point). Bytes as sent, not as decoded: an
    /// escape (<c>\u00e9</c>, <c>%C3%A9</c>) is read as the bytes it takes.
    /// </summary>
    private long RequestPrice(long bytes)
    {
        var bytesPerPoint = options.Value.DocumentBytesPerPoint;
        return bytesPerPoint <= 0 ? 1 : Math.Max(1, (bytes + bytesPerPoint - 1) / bytesPerPoint);
    }

    /// <summary>Charges the request <paramref name="total"/> points in all; the error to refuse it with when the client's other requests spent the balance meanwhile.</summary>
    private async ValueTask<GraphQLError?> ChargeAsync(HttpContext http, long total)
    {
        var charge = await ledger.ChargeRequestAsync(http, total);
        if (charge.Admitted)
            return null;
        DepinMetrics.Of(http)?.RateLimitRefused(RefusalLimits.PointsPerWindow);
        return new GraphQLError(charge.Refusal ?? "Rate limit exceeded.", extensions: new Dictionary<string, object?>
        {
            ["code"] = "RATE_LIMITED",
            ["limit"] = charge.Status?.Limit,
            ["cost"] = total,
            ["remaining"] = charge.Status?.Remaining,
            ["retryAfterSeconds"] = charge.RetryAfter is { } retryAfter ? Math.Max(1, RateLimitHeaders.Seconds(retryAfter)) : null,
            ["resetAt"] = charge.Status?.ResetAt.UtcDateTime.ToString("O"),
        });
    }

    public ValueTask OnResultAsync(GraphQLRequestContext context, ExecutionResult result)
    {
        var status = ledger.GetStatus(context.HttpContext);
        result.Extensions["cost"] = new OrderedDictionary<string, object?>
        {
            ["requestedQueryCost"] = context.Analysis?.RequestedQueryCost ?? 0,
            ["actualQueryCost"] = result.HasData
                ? ActualCost.Count(result.Data, IntrospectionKeys(context), options.Value.IntrospectionObjectsPerPoint)
                : 0,
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
