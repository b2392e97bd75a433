using System.Diagnostics;
using System.Globalization;
using DepinApi.Fairness;
using DepinApi.Observability;
using GraphQLEngine.Error;
using GraphQLEngine.Http;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// Takes a GraphQL request's turn at the <see cref="FairBuildGate"/> once its document is parsed, validated, measured
/// and charged, just before it runs: a document refused for its text, shape, cost or the client's budget is answered
/// without waiting behind other clients' builds (parsing, validating and measuring are bounded by the document limits).
/// The turn is given back when the response starts (<see cref="FairBuildMiddleware"/>, which prepares the request's
/// <see cref="BuildSlot"/>). No turn within the gate's wait: 503 with <c>Retry-After</c> and code <c>SERVER_BUSY</c>.
/// </summary>
internal sealed class BuildTurnInterceptor(FairBuildGate gate) : IGraphQLRequestInterceptor
{
    public async ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        var http = context.HttpContext;
        // Outside the gate's endpoints (none today) nothing is taken.
        if (BuildSlot.Of(http) is not { } slot) return;
        var started = Stopwatch.GetTimestamp();
        var admitted = await slot.TryTakeAsync(http.RequestAborted);
        DepinMetrics.Of(http)?.BuildWaited(Stopwatch.GetElapsedTime(started), admitted);
        if (admitted) return;
        var seconds = gate.WaitSeconds;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Reject(new GraphQLError(FairBuildMiddleware.Detail(seconds), extensions: new Dictionary<string, object?>
        {
            ["code"] = FairBuildMiddleware.GraphQLCode,
            ["retryAfterSeconds"] = seconds,
        }), StatusCodes.Status503ServiceUnavailable);
    }
}
