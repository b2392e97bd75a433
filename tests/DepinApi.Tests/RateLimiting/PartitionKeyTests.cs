using System.Net;
using DepinApi.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// The gates that share the server between clients (database sessions, build turns, exports, the output cache) key a
/// request that the rate limiter did not charge (rate limiting off, an exempt path) as the rate limiter would key its
/// address: an IPv6 client is one client per network of RateLimiting:Ipv6PrefixLength bits, not one per address.
/// </summary>
public sealed class PartitionKeyTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:9", 64)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:7::1", 48)]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1", 64)]
    public void Addresses_of_one_network_are_one_client_to_the_gates_as_to_the_rate_limiter(string first, string second, int prefix)
    {
        var services = Services(prefix);

        var gateKeys = new[] { first, second }.Select(address => RequestCharge.PartitionKeyOf(Request(services, address))).ToList();
        var limiter = new ClientIdentifier(services.GetRequiredService<IOptions<RateLimitingOptions>>(),
            services.GetRequiredService<ApiKeyRegistry>());
        var limiterKey = limiter.Identify(Request(services, first)).PartitionKey;

        Assert.Equal(gateKeys[0], gateKeys[1]);
        Assert.Equal(limiterKey, gateKeys[0]);
    }

    [Fact]
    public void Addresses_of_different_networks_are_different_clients()
    {
        var services = Services(64);

        Assert.NotEqual(RequestCharge.PartitionKeyOf(Request(services, "2001:db8:1:2::1")),
            RequestCharge.PartitionKeyOf(Request(services, "2001:db8:1:3::1")));
    }

    [Fact]
    public void A_charged_request_is_keyed_by_its_charge()
    {
        var http = Request(Services(64), "192.0.2.1");
        http.Features.Set(new RequestCharge(new ClientIdentity("key:acme", "API key 'acme'", 10, 10, 1)));

        Assert.Equal("key:acme", RequestCharge.PartitionKeyOf(http));
    }

    private static ServiceProvider Services(int ipv6PrefixLength)
    {
        var services = new ServiceCollection();
        services.AddOptions<RateLimitingOptions>().Configure(o => o.Ipv6PrefixLength = ipv6PrefixLength);
        services.AddSingleton<ApiKeyRegistry>();
        return services.BuildServiceProvider();
    }

    private static DefaultHttpContext Request(IServiceProvider services, string address) => new()
    {
        RequestServices = services,
        Connection = { RemoteIpAddress = IPAddress.Parse(address) },
    };
}
