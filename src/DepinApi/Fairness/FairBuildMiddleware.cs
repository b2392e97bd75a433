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
/// starts to be written or the request ends (<see cref="SlotReleasingResponseBody"/>). A request that waits longer
/// than <see cref="Security.ServerOptions.BuildWaitSeconds"/> is answered 503 with a <c>Retry-After</c>:
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
        var started = Stopwatch.GetTimestamp();
        var (lease, largePlace) = await TakeTurnAsync(http, client);
        DepinMetrics.Of(http)?.BuildWaited(Stopwatch.GetElapsedTime(started), admitted: lease is not null);
        if (lease is null)
        {
            await RefuseAsync(http, marker);
            return;
        }

        var slot = new BuildSlot(gate, client, lease, largePlace);
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
            await RefuseAsync(http, marker);
        }
        finally
        {
            // Also when the client went away or the build failed: the turn never outlives the request.
            slot.Release();
            http.Features.Set(body);
            http.Features.Set<BuildSlot>(null);
        }
    }

    // A large request's place among those built at once comes first: waiting for it, the request holds no turn. Both
    // null when either wait ran out.
    private async Task<(IDisposable? Turn, IDisposable? LargePlace)> TakeTurnAsync(HttpContext http, string client)
    {
        IDisposable? largePlace = null;
        if (gate.IsLarge(http.Request) && (largePlace = await gate.TryEnterLargeAsync(client, http.RequestAborted)) is null)
            return (null, null);
        try
        {
            var turn = await gate.TryEnterAsync(client, http.RequestAborted);
            if (turn is null) largePlace?.Dispose();
            return (turn, turn is null ? null : largePlace);
        }
        catch
        {
            largePlace?.Dispose();
            throw;
        }
    }

    /// <summary>The REST answer to a request that waited <paramref name="waitSeconds"/> for a turn and got none; sets <c>Retry-After</c>.</summary>
    public static ProblemHttpResult Refusal(HttpContext http, int waitSeconds)
    {
        http.Response.Headers.RetryAfter = waitSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.ServiceUnavailable(ProblemType, "The server is busy.", Detail(waitSeconds));
    }

    private static string Detail(int waitSeconds) =>
        $"The server was building other clients' responses for longer than {waitSeconds} s; retry later.";

    private Task RefuseAsync(HttpContext http, FairBuild marker)
    {
        var seconds = gate.WaitSeconds;
        if (!marker.IsGraphQL)
            return Refusal(http, seconds).ExecuteAsync(http);

        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = Detail(seconds);

        // As the GraphQL endpoint answers a request failure (DATABASE_BUSY): one error, no data, status 503.
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var accept = http.Request.Headers.Accept.ToString();
        var mediaType = accept.Contains(GraphQLEngine.Http.GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)
            ? GraphQLEngine.Http.GraphQLMediaTypes.GraphQLResponseJson
            : GraphQLEngine.Http.GraphQLMediaTypes.Json;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        return http.Response.WriteAsJsonAsync(
            new { errors = new[] { new { message = detail, extensions = new { code = GraphQLCode, retryAfterSeconds = seconds } } } },
            options: null, contentType: http.Response.ContentType, cancellationToken: http.RequestAborted);
    }
}
