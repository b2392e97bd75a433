using System.Net;
using DepinApi.RateLimiting;
using DepinApi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
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
        // The cap alone: no pacing of new connections, which the next test shows.
        var limiter = new ConnectionsPerAddress(Options.Create(new ServerOptions { MaxConnectionsPerAddress = 2, NewConnectionsPerAddressPerSecond = 0 }),
            Options.Create(forwarded), Options.Create(new RateLimitingOptions()));
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

    [Fact]
    public async Task Past_a_burst_of_the_cap_an_address_s_new_connections_wait_their_turn_unread_and_others_do_not()
    {
        using var limiter = new ConnectionsPerAddress(
            Options.Create(new ServerOptions { MaxConnectionsPerAddress = 3, NewConnectionsPerAddressPerSecond = 1 }),
            Options.Create(new ForwardedHeadersOptions()), Options.Create(new RateLimitingOptions()));
        var reconnecting = IPAddress.Parse("192.0.2.8");

        // Each connection is read and closed at once, as a request Kestrel refuses itself closes its connection.
        (Task Served, Func<bool> Passed) Open(IPAddress address)
        {
            var passed = false;
            var served = limiter.OnConnectionAsync(new DefaultConnectionContext { RemoteEndPoint = new IPEndPoint(address, 40000) },
                _ => { passed = true; return Task.CompletedTask; });
            return (served, () => passed);
        }

        var burst = Enumerable.Range(0, 3).Select(_ => Open(reconnecting)).ToList();
        Assert.All(burst, c => Assert.True(c.Passed()));
        var waiting = Open(reconnecting);
        Assert.False(waiting.Passed());
        Assert.True(Open(IPAddress.Parse("198.51.100.5")).Passed());

        // Its turn comes with the bucket's next token (one a second here).
        await waiting.Served.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(waiting.Passed());
    }

    [Fact]
    public void An_ipv6_client_rotating_addresses_in_its_prefix_is_capped_as_one_and_the_next_prefix_is_not()
    {
        var limiter = new ConnectionsPerAddress(Options.Create(new ServerOptions { MaxConnectionsPerAddress = 2 }),
            Options.Create(new ForwardedHeadersOptions()), Options.Create(new RateLimitingOptions { Ipv6PrefixLength = 64 }));
        bool Opens(string address)
        {
            var passed = false;
            _ = limiter.OnConnectionAsync(new DefaultConnectionContext { RemoteEndPoint = new IPEndPoint(IPAddress.Parse(address), 40000) },
                _ => { passed = true; return new TaskCompletionSource().Task; });
            return passed;
        }

        Assert.True(Opens("2001:db8:1:2::1"));
        Assert.True(Opens("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        Assert.False(Opens("2001:db8:1:2:abcd::7"));
        Assert.Equal(2, limiter.OpenFrom(IPAddress.Parse("2001:db8:1:2::99")));
        Assert.True(Opens("2001:db8:1:3::1"));
    }

    [Fact]
    public void Refusals_are_all_counted_and_logged_a_few_lines_a_second()
    {
        var time = new SteppedTime();
        var log = new CountingLogger();
        var refusals = new ConnectionRefusals(log, time);
        var limiter = new ConnectionsPerAddress(Options.Create(new ServerOptions { MaxConnectionsPerAddress = 1 }),
            Options.Create(new ForwardedHeadersOptions()), Options.Create(new RateLimitingOptions()), refusals);
        var attacker = new IPEndPoint(IPAddress.Parse("192.0.2.7"), 40000);
        _ = limiter.OnConnectionAsync(new DefaultConnectionContext { RemoteEndPoint = attacker }, _ => new TaskCompletionSource().Task);

        for (var i = 0; i < 1000; i++)
            _ = limiter.OnConnectionAsync(new DefaultConnectionContext { RemoteEndPoint = attacker }, _ => Task.CompletedTask);
        Assert.Equal(ConnectionRefusals.LinesPerSecond, log.Lines.Count);

        time.Seconds++;
        _ = limiter.OnConnectionAsync(new DefaultConnectionContext { RemoteEndPoint = attacker }, _ => Task.CompletedTask);
        Assert.Equal(ConnectionRefusals.LinesPerSecond + 1, log.Lines.Count);
        // The next line says how many went unlogged, so the log still tells how many there were.
        Assert.Contains($"{1000 - ConnectionRefusals.LinesPerSecond} more refused", log.Lines[^1], StringComparison.Ordinal);
        Assert.Contains("per_address", log.Lines[^1], StringComparison.Ordinal);
    }

    private sealed class SteppedTime : TimeProvider
    {
        public long Seconds { get; set; } = 100;
        public override long TimestampFrequency => 1000;
        public override long GetTimestamp() => Seconds * 1000;
    }

    private sealed class CountingLogger : ILogger<ConnectionRefusals>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
