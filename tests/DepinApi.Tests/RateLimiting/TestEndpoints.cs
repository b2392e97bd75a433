using System.Net;
using DepinApi.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// Test-only plumbing around the real pipeline. Before it: the TCP peer's address, taken from <c>X-Test-Peer</c>
/// (the in-memory server has none). After it, reached only by requests no endpoint took: <c>/test/ok</c>,
/// <c>/test/hold</c> (waits until the test opens the gate), <c>/test/throw</c> (an unforeseen failure), <c>/test/charge?cost=N&amp;repeat=R</c> (charges the
/// request N points in all, R times, as the GraphQL endpoint does) — so they pass the forwarded-headers middleware and the rate limiter like any
/// endpoint of the API.
/// </summary>
public sealed class TestEndpoints : IStartupFilter
{
    public const string PeerHeader = "X-Test-Peer";
    public const string DefaultPeer = "192.0.2.1";

    private int _held;

    /// <summary>Requests to /test/hold wait for this.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many requests are waiting at /test/hold now.</summary>
    public int Held => Volatile.Read(ref _held);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var peer = context.Request.Headers[PeerHeader].ToString();
            context.Connection.RemoteIpAddress = IPAddress.Parse(peer.Length > 0 ? peer : DefaultPeer);
            return nextMiddleware(context);
        });
        next(app);
        app.Run(HandleAsync);
    };

    private async Task HandleAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/test/ok":
                await context.Response.WriteAsync("ok");
                break;
            case "/test/throw":
                throw new InvalidOperationException("A failure the server did not foresee, with a secret: s3cr3t.");
            case "/test/hold":
                Interlocked.Increment(ref _held);
                try { await Gate.Task; }
                finally { Interlocked.Decrement(ref _held); }
                await context.Response.WriteAsync("released");
                break;
            case "/test/charge":
                var ledger = context.RequestServices.GetRequiredService<IRateLimitLedger>();
                var cost = long.Parse(context.Request.Query["cost"]!);
                var repeat = int.TryParse(context.Request.Query["repeat"], out var times) ? times : 1;
                var charge = await ledger.ChargeRequestAsync(context, cost);
                for (var i = 1; i < repeat; i++)
                    charge = await ledger.ChargeRequestAsync(context, cost);
                context.Response.StatusCode = charge.Admitted ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests;
                await context.Response.WriteAsJsonAsync(new
                {
                    charge.Admitted,
                    charge.Cost,
                    charge.Refusal,
                    RetryAfterSeconds = charge.RetryAfter?.TotalSeconds,
                    charge.Status?.Limit,
                    charge.Status?.Remaining,
                    charge.Status?.Charged,
                });
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }
}
