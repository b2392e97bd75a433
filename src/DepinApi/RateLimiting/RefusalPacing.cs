using System.Collections.Concurrent;
using DepinApi.Observability;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// Slows a client that keeps sending requests after it has been refused. A refusal is cheap, but not free: the request
/// is still parsed, identified, charged and answered with a problem body, so one address pipelining refused requests
/// as fast as it can took about a core and made every other client's requests several times slower. Once a client has
/// had more than <see cref="RefusalPacingOptions.Burst"/> 429s in quick succession, each further 429 is sent at once
/// and then its connection is held idle for up to <see cref="RefusalPacingOptions.MaxHoldMilliseconds"/>, so that the
/// client's refusals come no faster than <see cref="RefusalPacingOptions.PerSecond"/>. Held, a connection costs a
/// timer; Kestrel reads a connection's next request only when the previous one is finished, and
/// <see cref="Security.ConnectionsPerAddress"/> caps the connections an address can hold, so an address gets at most
/// its connections' worth of refusals per hold. Behind a trusted proxy, whose connections carry other clients' requests
/// too, the answer itself is held instead, so that the proxy does not send another client's request down a held
/// connection.
/// </summary>
/// <remarks>
/// Ours because ASP.NET Core's rate limiters decide whether a request runs, and answer the ones they refuse as fast as
/// they come; none slows the answers to a client already refused. The pacing is a generic cell rate algorithm per
/// rate-limit partition (an address, a network's /64, or an API key), kept in this process only: a refused flood hits
/// one instance at a time.
/// </remarks>
internal sealed class RefusalPacing(RequestDelegate next, IOptions<RateLimitingOptions> options,
    IOptions<ForwardedHeadersOptions> forwarded, TimeProvider time, IHostApplicationLifetime lifetime)
{
    private readonly ConcurrentDictionary<string, long> _dueTicks = new();
    private long _lastSweepTicks;

    /// <summary>Partitions remembered before the table is swept of those whose pacing has lapsed.</summary>
    private const int SweepAbove = 4096;

    public async Task InvokeAsync(HttpContext context)
    {
        if (CameThroughProxy(context))
        {
            // A proxy reuses its connection for another client's request once this answer is whole, so the answer
            // itself waits out the hold: the proxy sees the connection busy and sends others elsewhere.
            context.Response.OnStarting(static state =>
            {
                var (pacing, http) = ((RefusalPacing, HttpContext))state;
                return pacing.HoldIfPacedAsync(http);
            }, (this, context));
            await next(context);
            return;
        }
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status429TooManyRequests)
            return;
        var hold = HoldAfterRefusal(RequestCharge.PartitionKeyOf(context));
        if (hold <= TimeSpan.Zero)
            return;
        // The client has its answer before the connection is held.
        await context.Response.CompleteAsync();
        await HoldAsync(context, hold);
    }

    private Task HoldIfPacedAsync(HttpContext context)
    {
        if (context.Response.StatusCode != StatusCodes.Status429TooManyRequests)
            return Task.CompletedTask;
        var hold = HoldAfterRefusal(RequestCharge.PartitionKeyOf(context));
        return hold <= TimeSpan.Zero ? Task.CompletedTask : HoldAsync(context, hold);
    }

    private async Task HoldAsync(HttpContext context, TimeSpan hold)
    {
        DepinMetrics.Of(context)?.RefusalHeld(hold);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(hold, time, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The client went away, or the server is stopping: nothing is left to hold.
        }
    }

    /// <summary>
    /// True when a trusted proxy forwarded the request (the forwarded-headers middleware then keeps the proxy's own
    /// address in <c>X-Original-For</c>). A client that sends that header itself only has its answers held before
    /// they are sent rather than after: its connection is held either way.
    /// </summary>
    private bool CameThroughProxy(HttpContext context) =>
        context.Request.Headers.ContainsKey(forwarded.Value.OriginalForHeaderName);

    /// <summary>
    /// Counts one refusal of <paramref name="partition"/> and returns how long its connection is to be held: zero
    /// within the burst, then as long as keeps the refusals at the paced rate, never more than the longest hold.
    /// </summary>
    internal TimeSpan HoldAfterRefusal(string partition)
    {
        var pacing = options.Value.RefusalPacing;
        if (pacing.MaxHoldMilliseconds <= 0)
            return TimeSpan.Zero;
        var now = time.GetUtcNow().UtcTicks;
        var interval = TimeSpan.TicksPerSecond / pacing.PerSecond;
        var tolerance = interval * pacing.Burst;
        var maxHold = pacing.MaxHoldMilliseconds * TimeSpan.TicksPerMillisecond;
        // When the refusal is due under the paced rate; capped, so that a flood held at the longest hold does not push
        // the client's pacing ever further into the future.
        var due = _dueTicks.AddOrUpdate(partition, now + interval,
            (_, previous) => Math.Min(Math.Max(previous, now) + interval, now + tolerance + maxHold));
        SweepIfLarge(now);
        return TimeSpan.FromTicks(Math.Clamp(due - now - tolerance, 0, maxHold));
    }

    /// <summary>Partitions remembered now, for tests.</summary>
    internal int Remembered => _dueTicks.Count;

    private void SweepIfLarge(long now)
    {
        var last = Volatile.Read(ref _lastSweepTicks);
        if (_dueTicks.Count <= SweepAbove || now - last < TimeSpan.TicksPerSecond
            || Interlocked.CompareExchange(ref _lastSweepTicks, now, last) != last)
            return;
        foreach (var (partition, due) in _dueTicks)
            if (due <= now)
                _dueTicks.TryRemove(new KeyValuePair<string, long>(partition, due));
    }
}
