using System.Net;
using System.Net.Sockets;

namespace DepinApi.RateLimiting;

/// <summary>The partition key of an anonymous client's address.</summary>
internal static class IpPartition
{
    /// <summary>Requests without a peer address (a Unix socket with no proxy in front) share one partition.</summary>
    public const string Unknown = "unknown";

    public const string KeyPrefix = "ip:";

    /// <summary>The partition key of an anonymous client: <see cref="KeyPrefix"/> and <see cref="Of"/>.</summary>
    public static string KeyOf(IPAddress? address, int ipv6PrefixLength) => KeyPrefix + Of(address, ipv6PrefixLength);

    /// <summary>
    /// IPv4 (also when IPv4-mapped) as is; IPv6 cut to <paramref name="ipv6PrefixLength"/> bits, written as a network.
    /// </summary>
    public static string Of(IPAddress? address, int ipv6PrefixLength)
    {
        if (address is null)
            return Unknown;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || ipv6PrefixLength >= 128)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        for (var bit = ipv6PrefixLength; bit < 128; bit++)
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return $"{new IPAddress(bytes)}/{ipv6PrefixLength}";
    }
}
