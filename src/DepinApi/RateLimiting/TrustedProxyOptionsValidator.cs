using System.Net;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>Refuses to start with a trusted proxy that does not parse, rather than silently trusting nobody.</summary>
internal sealed class TrustedProxyOptionsValidator : IValidateOptions<TrustedProxyOptions>
{
    /// <summary>Every configured entry must parse; the host refuses to start otherwise, naming the entry.</summary>
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var errors = new List<string>();
        foreach (var proxy in options.KnownProxies)
            if (!IPAddress.TryParse(proxy.Trim(), out _))
                errors.Add($"{TrustedProxyOptions.Section}:KnownProxies: '{proxy}' is not an IP address (expected e.g. 10.0.0.5 or ::1).");
        foreach (var network in options.KnownNetworks)
            if (!IPNetwork.TryParse(network.Trim(), out _))
                errors.Add($"{TrustedProxyOptions.Section}:KnownNetworks: '{network}' is not a network in CIDR form (expected e.g. 10.0.0.0/8).");
        if (options.ForwardLimit is < 1)
            errors.Add($"{TrustedProxyOptions.Section}:ForwardLimit must be at least 1 or unset, got {options.ForwardLimit}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
