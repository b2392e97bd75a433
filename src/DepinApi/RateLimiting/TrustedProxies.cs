using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// Turns <see cref="TrustedProxyOptions"/> into the framework's <see cref="ForwardedHeadersOptions"/>, replacing its
/// default trust of loopback: a proxy is trusted only when configuration names it.
/// </summary>
internal sealed class TrustedProxies(IOptions<TrustedProxyOptions> trusted) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        var settings = trusted.Value;
        // With both lists empty the middleware would believe every peer, so nothing configured means nothing forwarded.
        // Only the client address and scheme: X-Forwarded-Host would let a client choose the host name links are built with.
        options.ForwardedHeaders = settings.KnownProxies.Count + settings.KnownNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = settings.ForwardLimit;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
            options.KnownProxies.Add(ParseAddress(proxy));
        foreach (var network in settings.KnownNetworks)
            options.KnownIPNetworks.Add(ParseNetwork(network));
    }

    private static IPAddress ParseAddress(string text) => IPAddress.Parse(text.Trim());

    private static System.Net.IPNetwork ParseNetwork(string text) => System.Net.IPNetwork.Parse(text.Trim());
}
