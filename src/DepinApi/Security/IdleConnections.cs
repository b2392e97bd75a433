using System.Collections.Concurrent;
using DepinApi.Observability;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;

namespace DepinApi.Security;

/// <summary>
/// Keeps connections free for new clients. Kestrel's <c>MaxConcurrentConnections</c> alone let connections that never
/// send a byte fill the server (Kestrel waits its keep-alive timeout, 130 s by default, for a first request too), so
/// a few addresses took every connection and each new client, health probes included, was refused; the rate limiter
/// never saw a request to charge. Here, as nginx does with keep-alive connections when it runs short: when fewer than
/// <see cref="ServerOptions.ConnectionsKeptFree"/> of <see cref="ServerOptions.MaxConnections"/> are free, the idle
/// connections (no request under way) idle longest are closed, a never-used one counted idle from its accept; and a
/// connection whose first request has not arrived <see cref="ServerOptions.FirstRequestTimeoutSeconds"/> after its
/// accept is closed. A connection is refused only when every one open is in a request.
/// </summary>
/// <remarks>
/// Requests are seen when their headers are complete (<see cref="TrackRequestsAsync"/>), so a first request's headers
/// must be in within the first-request wait; later ones have Kestrel's <c>RequestHeadersTimeout</c>. A never-used
/// connection is aborted; a used one is asked to close (<see cref="IConnectionLifetimeNotificationFeature"/>), which
/// lets a request that arrives at that moment be answered (with <c>Connection: close</c>) rather than cut.
/// </remarks>
public sealed class IdleConnections : IDisposable
{
    private readonly ServerOptions options;
    private readonly ConnectionRefusals refusals;
    private readonly TimeProvider time;
    private readonly DepinMetrics? metrics;
    private readonly ConcurrentDictionary<string, Tracked> byId = new();
    private readonly Lock shedGate = new();
    private readonly ITimer? sweep;
    private int open;
    private int closing;

    public IdleConnections(IOptions<ServerOptions> server, ConnectionRefusals refusals, TimeProvider time, DepinMetrics? metrics = null)
    {
        options = server.Value;
        this.refusals = refusals;
        this.time = time;
        this.metrics = metrics;
        if (options.FirstRequestTimeoutSeconds > 0)
            sweep = time.CreateTimer(_ => CloseThoseWithoutRequest(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Connections open now (admitted and not yet closed), closing ones included.</summary>
    public int Open => Volatile.Read(ref open);

    /// <summary>Kestrel connection middleware: admits the connection, making room by closing idle ones if need be.</summary>
    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var now = Interlocked.Increment(ref open);
        var tracked = new Tracked(connection, time.GetTimestamp());
        try
        {
            var keepFreeAbove = options.MaxConnections - options.ConnectionsKeptFree;
            if (options.ConnectionsKeptFree > 0 && now - Volatile.Read(ref closing) > keepFreeAbove)
                Shed();
            if (Volatile.Read(ref open) - Volatile.Read(ref closing) > options.MaxConnections)
            {
                // Every connection is in a request: Kestrel closes this one when we return.
                refusals.Refused("server_full", connection.RemoteEndPoint);
                return;
            }
            byId[connection.ConnectionId] = tracked;
            await next(connection);
        }
        finally
        {
            byId.TryRemove(new KeyValuePair<string, Tracked>(connection.ConnectionId, tracked));
            if (tracked.Closing) Interlocked.Decrement(ref closing);
            Interlocked.Decrement(ref open);
        }
    }

    /// <summary>HTTP middleware, first in the pipeline: marks the request's connection in use until its response is done.</summary>
    public async Task TrackRequestsAsync(HttpContext context, RequestDelegate next)
    {
        // No id outside Kestrel (the test server), so no tracked connection.
        if (context.Connection.Id is not { } id || !byId.TryGetValue(id, out var tracked))
        {
            await next(context);
            return;
        }
        tracked.Begin();
        try
        {
            await next(context);
        }
        finally
        {
            tracked.End(time.GetTimestamp());
        }
    }

    private void Shed()
    {
        List<Tracked> chosen;
        lock (shedGate)
        {
            var excess = Volatile.Read(ref open) - Volatile.Read(ref closing) - (options.MaxConnections - options.ConnectionsKeptFree);
            if (excess <= 0) return;
            var idle = new List<(long Since, Tracked Connection)>();
            foreach (var tracked in byId.Values)
                if (!tracked.Closing && tracked.IdleSince() is { } since)
                    idle.Add((since, tracked));
            idle.Sort((a, b) => a.Since.CompareTo(b.Since));
            chosen = new List<Tracked>(Math.Min(excess, idle.Count));
            foreach (var (_, tracked) in idle)
            {
                if (chosen.Count == excess) break;
                if (tracked.TryMarkClosing())
                {
                    Interlocked.Increment(ref closing);
                    chosen.Add(tracked);
                }
            }
        }
        foreach (var tracked in chosen)
        {
            metrics?.IdleConnectionClosed("shed");
            tracked.Close();
        }
    }

    private void CloseThoseWithoutRequest()
    {
        var before = time.GetTimestamp() - (long)(options.FirstRequestTimeoutSeconds * (double)time.TimestampFrequency);
        foreach (var tracked in byId.Values)
        {
            if (tracked.NeverUsed && tracked.Accepted < before && tracked.TryMarkClosing())
            {
                Interlocked.Increment(ref closing);
                metrics?.IdleConnectionClosed("no_request");
                tracked.Close();
            }
        }
    }

    public void Dispose() => sweep?.Dispose();

    private sealed class Tracked(ConnectionContext connection, long accepted)
    {
        private int inRequest;
        private int closing;
        private long idleSince = accepted;
        private int used;

        public long Accepted { get; } = accepted;

        public bool NeverUsed => Volatile.Read(ref used) == 0 && Volatile.Read(ref inRequest) == 0;

        public bool Closing => Volatile.Read(ref closing) != 0;

        /// <summary>When it became idle (its accept, for a never-used one); null while a request is under way.</summary>
        public long? IdleSince() => Volatile.Read(ref inRequest) > 0 ? null : Volatile.Read(ref idleSince);

        public void Begin()
        {
            Interlocked.Increment(ref inRequest);
            Volatile.Write(ref used, 1);
        }

        public void End(long now)
        {
            Volatile.Write(ref idleSince, now);
            Interlocked.Decrement(ref inRequest);
        }

        public bool TryMarkClosing() => Interlocked.CompareExchange(ref closing, 1, 0) == 0;

        public void Close()
        {
            if (Volatile.Read(ref used) != 0 && connection.Features.Get<IConnectionLifetimeNotificationFeature>() is { } lifetime)
                lifetime.RequestClose();
            else
                connection.Abort(new ConnectionAbortedException("Closed idle to keep connections free."));
        }
    }
}
