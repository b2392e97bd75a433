using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using DepinApi.RateLimiting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DepinApi.Security;

/// <summary>
/// Caps the connections one address holds open at once (<see cref="ServerOptions.MaxConnectionsPerAddress"/>): a
/// connection beyond the cap is closed as soon as it is accepted, before Kestrel reads a byte of it. And paces the
/// connections it opens (<see cref="ServerOptions.NewConnectionsPerAddressPerSecond"/>): past a burst of the cap, a new
/// connection waits, still unread, for a token of the address's bucket; waiting, it holds a place under the cap. Kestrel's own
/// <c>MaxConcurrentConnections</c> caps the whole server, so alone it would let one client that opens connections and
/// never finishes a request (no request, so no rate limit applies) take every connection the server allows; and
/// ASP.NET Core's rate limiters act on requests, not connections. A trusted proxy (<c>ForwardedHeaders</c>), which
/// carries every client's connections, is not capped.
/// </summary>
/// <remarks>
/// IPv6 addresses are grouped by <c>RateLimiting:Ipv6PrefixLength</c> (<see cref="IpPartition"/>), as the rate limiter
/// groups them: one client is given a whole /64, so a cap per exact address let it open as many connections as it has
/// addresses. A refused connection is counted and its log line sampled (<see cref="ConnectionRefusals"/>).
/// </remarks>
public sealed class ConnectionsPerAddress(
    IOptions<ServerOptions> server, IOptions<ForwardedHeadersOptions> forwarded, IOptions<RateLimitingOptions> rateLimiting,
    ConnectionRefusals? refusals = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _open = new();

    // A token bucket per address group (the runtime's limiter, which forgets an idle address's bucket by itself): a
    // burst of the cap, then the configured rate; the waiting are at most the cap, as each waits holding a place.
    private readonly PartitionedRateLimiter<string>? _newConnections = server.Value.NewConnectionsPerAddressPerSecond <= 0
        ? null
        : PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new()
        {
            TokenLimit = Math.Max(1, server.Value.MaxConnectionsPerAddress),
            TokensPerPeriod = server.Value.NewConnectionsPerAddressPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = Math.Max(1, server.Value.MaxConnectionsPerAddress),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    /// <summary>Connections open now from <paramref name="address"/>'s group (its IPv6 prefix).</summary>
    public int OpenFrom(IPAddress address) => _open.GetValueOrDefault(GroupOf(Normalize(address)));

    /// <summary>Kestrel connection middleware: passes the connection on, or closes it when its address holds the cap.</summary>
    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var limit = server.Value.MaxConnectionsPerAddress;
        if (limit <= 0 || connection.RemoteEndPoint is not IPEndPoint { Address: var remote } || IsTrustedProxy(Normalize(remote)))
        {
            await next(connection);
            return;
        }
        var address = GroupOf(Normalize(remote));
        try
        {
            // Not passed on: Kestrel closes the connection when this returns.
            if (_open.AddOrUpdate(address, 1, (_, open) => open + 1) > limit)
            {
                refusals?.Refused("per_address", connection.RemoteEndPoint);
                return;
            }
            if (!await TakeTurnAsync(address, connection))
                return;
            await next(connection);
        }
        finally
        {
            Release(address);
        }
    }

    /// <summary>
    /// Whether the connection may be read: at once within its address's burst, else when its turn comes; false when more
    /// wait than the cap allows (refused) or the client left while waiting. A token bucket's lease holds nothing.
    /// </summary>
    private async ValueTask<bool> TakeTurnAsync(string address, ConnectionContext connection)
    {
        if (_newConnections is null)
            return true;
        try
        {
            using var turn = await _newConnections.AcquireAsync(address, 1, connection.ConnectionClosed);
            if (!turn.IsAcquired)
                refusals?.Refused("connection_rate", connection.RemoteEndPoint);
            return turn.IsAcquired;
        }
        catch (OperationCanceledException) when (connection.ConnectionClosed.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _newConnections?.Dispose();

    private string GroupOf(IPAddress address) => IpPartition.Of(address, rateLimiting.Value.Ipv6PrefixLength);

    private void Release(string address)
    {
        var left = _open.AddOrUpdate(address, 0, (_, open) => open - 1);
        // Forgotten at zero, so the table holds only addresses with connections open.
        if (left == 0)
            _open.TryRemove(new KeyValuePair<string, int>(address, 0));
    }

    private bool IsTrustedProxy(IPAddress address)
    {
        var options = forwarded.Value;
        if (options.KnownProxies.Contains(address)) return true;
        foreach (var network in options.KnownIPNetworks)
            if (network.Contains(address)) return true;
        return false;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
