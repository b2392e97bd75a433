using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DepinApi.Security;

/// <summary>
/// Caps the connections one address holds open at once (<see cref="ServerOptions.MaxConnectionsPerAddress"/>): a
/// connection beyond the cap is closed as soon as it is accepted, before Kestrel reads a byte of it. Kestrel's own
/// <c>MaxConcurrentConnections</c> caps the whole server, so alone it would let one client that opens connections and
/// never finishes a request (no request, so no rate limit applies) take every connection the server allows; and
/// ASP.NET Core's rate limiters act on requests, not connections. A trusted proxy (<c>ForwardedHeaders</c>), which
/// carries every client's connections, is not capped.
/// </summary>
public sealed class ConnectionsPerAddress(IOptions<ServerOptions> server, IOptions<ForwardedHeadersOptions> forwarded)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    /// <summary>Connections open now from <paramref name="address"/>.</summary>
    public int OpenFrom(IPAddress address) => _open.GetValueOrDefault(Normalize(address));

    /// <summary>Kestrel connection middleware: passes the connection on, or closes it when its address holds the cap.</summary>
    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var limit = server.Value.MaxConnectionsPerAddress;
        if (limit <= 0 || connection.RemoteEndPoint is not IPEndPoint { Address: var remote } || IsTrustedProxy(Normalize(remote)))
        {
            await next(connection);
            return;
        }
        var address = Normalize(remote);
        try
        {
            // Not passed on: Kestrel closes the connection when this returns.
            if (_open.AddOrUpdate(address, 1, (_, open) => open + 1) > limit)
                return;
            await next(connection);
        }
        finally
        {
            Release(address);
        }
    }

    private void Release(IPAddress address)
    {
        var left = _open.AddOrUpdate(address, 0, (_, open) => open - 1);
        // Forgotten at zero, so the table holds only addresses with connections open.
        if (left == 0)
            _open.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
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
