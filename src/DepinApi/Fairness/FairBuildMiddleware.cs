using System.Diagnostics;
using System.Globalization;
using DepinApi.Errors;
using DepinApi.Observability;
using DepinApi.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Fairness;

/// <summary>
/// Takes a turn at the <see cref="FairBuildGate"/> for a request to an endpoint marked <see cref="FairBuild"/>, inside
/// the output cache (a cached answer takes none) and outside the REST buffer, and gives it back when the response
/// starts to be written or the request ends (<see cref="SlotReleasingResponseBody"/>). A REST request takes its turn
/// here; a GraphQL request once its document is parsed, validated and measured (<see cref="GraphQL.Http.BuildTurnInterceptor"/>),
/// so a refused document never waits for one. A request that waits
/// longer than <see cref="Security.ServerOptions.BuildWaitSeconds"/> is answered 503 with a <c>Retry-After</c>:
/// <c>/problems/server-busy</c> over REST, an error with code <c>SERVER_BUSY</c> over GraphQL.
/// </summary>
public sealed class FairBuildMiddleware(RequestDelegate next, FairBuildGate gate)
{
    public const string ProblemType = "server-busy";
    public const string GraphQLCode = "SERVER_BUSY";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<FairBuild>() is not { } marker)
        {
            await next(http);
            return;
        }

        // The key the rate limiter and the database-session gate count the client by.
        var client = RequestCharge.PartitionKeyOf(http);
        IDisposable? lease = null;
        if (!marker.IsGraphQL)
        {
            var started = Stopwatch.GetTimestamp();
            lease = await gate.TryEnterAsync(client, http.RequestAborted);
            DepinMetrics.Of(http)?.BuildWaited(Stopwatch.GetElapsedTime(started), admitted: lease is not null);
            if (lease is null)
            {
                await Refusal(http, gate.WaitSeconds).ExecuteAsync(http);
                return;
            }
        }

        var slot = new BuildSlot(gate, client, lease);
        var body = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        http.Features.Set(slot);
        http.Features.Set<IHttpResponseBodyFeature>(new SlotReleasingResponseBody(body, slot));
        try
        {
            await next(http);
        }
        catch (BuildTurnLostException) when (!http.Response.HasStarted)
        {
            // Gave way part-built and no turn came again: answered as a request that got none at all.
            DepinMetrics.Of(http)?.BuildWaited(TimeSpan.FromSeconds(gate.WaitSeconds), admitted: false);
            http.Response.Clear();
            await Refusal(http, gate.WaitSeconds).ExecuteAsync(http);
        }
        finally
        {
            // Also when the client went away or the build failed: the turn never outlives the request.
            slot.Release();
            http.Features.Set(body);
            http.Features.Set<BuildSlot>(null);
        }
    }

    /// <summary>The REST answer to a request that waited <paramref name="waitSeconds"/> for a turn and got none; sets <c>Retry-After</c>.</summary>
    public static ProblemHttpResult Refusal(HttpContext http, int waitSeconds)
    {
        http.Response.Headers.RetryAfter = waitSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.ServiceUnavailable(ProblemType, "The server is busy.", Detail(waitSeconds));
    }

    /// <summary>What a refusal says, over REST and GraphQL alike.</summary>
    public static string Detail(int waitSeconds) =>
        $"The server was building other clients' responses for longer than {waitSeconds} s; retry later.";
}
