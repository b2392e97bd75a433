using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
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
/// it now, and the points it refills per second. Before that, while nothing is parsed, it
/// charges the document's price by size (<see cref="GraphQLApiOptions.DocumentBytesPerPoint"/>): the work of parsing,
/// validating and measuring a document grows with its length, and a document refused for its cost or shape never
/// pays a query cost, so without this price a flood of long refused documents would cost a point each.
/// </summary>
internal sealed class GraphQLCostInterceptor(IRateLimitLedger ledger, IOptions<GraphQLApiOptions> options) : IGraphQLRequestInterceptor
{
    public async ValueTask OnRequestAsync(GraphQLRequestContext context)
    {
        var price = DocumentPrice(context.Request.Query, context.Request.Variables, context.Request.Extensions);
        // The admission point is paid already; a charge is a request's total so far, so 1 changes nothing.
        if (price > 1)
            await ChargeAsync(context, price);
    }

    public async ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        var cost = Math.Max(1, context.Analysis!.RequestedQueryCost);
        // A total, so a document whose price was more than its cost pays nothing further.
        if (await ChargeAsync(context, cost))
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
    /// One point per started block of <see cref="GraphQLApiOptions.DocumentBytesPerPoint"/> UTF-8 bytes of the document
    /// and its variables and extensions as sent: coercing variables is work that grows with them as parsing does (20,000
    /// unknown fields of one input object took 140 ms to refuse).
    /// </summary>
    internal long DocumentPrice(string document, JsonElement? variables = null, JsonElement? extensions = null)
    {
        var settings = options.Value;
        var bytesPerPoint = settings.DocumentBytesPerPoint;
        // A document over the length limit is refused unread (QUERY_TOO_LONG), so it costs no more than admission.
        if (bytesPerPoint <= 0 || QueryLength.Exceeding(document, settings.MaxQueryLength) is not null)
            return 1;
        long bytes = Encoding.UTF8.GetByteCount(document);
        if (variables is { } given)
            bytes += JsonMarshal.GetRawUtf8Value(given).Length;
        if (extensions is { } more)
            bytes += JsonMarshal.GetRawUtf8Value(more).Length;
        return Math.Max(1, (bytes + bytesPerPoint - 1) / bytesPerPoint);
    }

    private async ValueTask<bool> ChargeAsync(GraphQLRequestContext context, long total)
    {
        var charge = await ledger.ChargeRequestAsync(context.HttpContext, total);
        if (charge.Admitted)
            return true;
        DepinMetrics.Of(context.HttpContext)?.RateLimitRefused(RateLimitRefusal.PointsLimit);
        context.Reject(new GraphQLError(charge.Refusal ?? "Rate limit exceeded.", extensions: new Dictionary<string, object?>
        {
            ["code"] = "RATE_LIMITED",
            ["limit"] = charge.Status?.Limit,
            ["cost"] = total,
            ["remaining"] = charge.Status?.Remaining,
            ["retryAfterSeconds"] = charge.RetryAfter is { } retryAfter ? Math.Max(1, RateLimitHeaders.Seconds(retryAfter)) : null,
            ["resetAt"] = charge.Status?.ResetAt.UtcDateTime.ToString("O"),
        }), StatusCodes.Status429TooManyRequests);
        return false;
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
