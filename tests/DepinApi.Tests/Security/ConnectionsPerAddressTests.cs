using System.Net;
using DepinApi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.Security;

/// <summary>
/// One address holds at most <see cref="ServerOptions.MaxConnectionsPerAddress"/> connections at once; the next is
/// closed unread, others' are not, and a trusted proxy carrying everyone's connections is not capped.
/// </summary>
public sealed class ConnectionsPerAddressTests
{
    [Fact]
    public async Task A_connection_past_the_cap_of_its_address_is_closed_unread_and_a_place_frees_when_one_closes()
    {
        var proxy = IPAddress.Parse("10.0.0.9");
        var forwarded = new ForwardedHeadersOptions();
        forwarded.KnownProxies.Add(proxy);
        var limiter = new ConnectionsPerAddress(Options.Create(new ServerOptions { MaxConnectionsPerAddress = 2 }), Options.Create(forwarded));
        var attacker = IPAddress.Parse("192.0.2.7");

        (Task Served, TaskCompletionSource Close, Func<bool> Passed) Open(IPAddress address)
        {
            var close = new TaskCompletionSource();
            var passed = false;
            var served = limiter.OnConnectionAsync(new DefaultConnectionContext { RemoteEndPoint = new IPEndPoint(address, 40000) },
                _ => { passed = true; return close.Task; });
            return (served, close, () => passed);
        }

        var first = Open(attacker);
        var second = Open(attacker);
        var third = Open(attacker);
        Assert.True(first.Passed() && second.Passed());
        Assert.False(third.Passed());
        Assert.True(third.Served.IsCompletedSuccessfully);
        // An address mapped into IPv6 is the same client.
        var mapped = Open(attacker.MapToIPv6());
        Assert.False(mapped.Passed());
        Assert.Equal(2, limiter.OpenFrom(attacker));

        // Another client is not held back, nor is the proxy, however many it carries.
        Assert.True(Open(IPAddress.Parse("198.51.100.4")).Passed());
        for (var i = 0; i < 5; i++)
            Assert.True(Open(proxy).Passed());

        first.Close.SetResult();
        await first.Served;
        Assert.True(Open(attacker).Passed());
        second.Close.SetResult();
        await second.Served;
        Assert.Equal(1, limiter.OpenFrom(attacker));
    }
}
