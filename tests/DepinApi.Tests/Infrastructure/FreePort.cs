using System.Net;
using System.Net.Sockets;

namespace DepinApi.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on right now, for a server a test starts (Postgres, Redis, the API, HAProxy).</summary>
/// <remarks>
/// Taken below the kernel's ephemeral range, the ports it gives outgoing connections their local end from: a port in
/// that range can go to any connection opened (by this run or anything else on the machine) between this call and the
/// server's bind, or while a test has the server stopped to restart it on the same port, and the server then finds the
/// address in use. Each port is handed out once per run, so two servers of the run never get the same one.
/// </remarks>
public static class FreePort
{
    // The bottom of the range picked from: clear of the well-known ports and of most services' registered ones.
    private const int Lowest = 10000;

    private static readonly HashSet<int> HandedOut = [];

    public static int OnLoopback()
    {
        var belowEphemeral = EphemeralRangeStart();
        // An ephemeral range moved down to leave no room below it: a port the kernel picks, as before.
        if (belowEphemeral - Lowest < 1000)
            return AnyFreeOnLoopback();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, belowEphemeral);
            lock (HandedOut)
                if (!HandedOut.Add(port))
                    continue;
            if (IsFree(port))
                return port;
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {belowEphemeral}.");
    }

    // Linux says where its range starts ("32768 60999" by default); elsewhere it is IANA's dynamic ports, from 49152.
    private static int EphemeralRangeStart()
    {
        const string linuxRange = "/proc/sys/net/ipv4/ip_local_port_range";
        var bounds = File.Exists(linuxRange) ? File.ReadAllText(linuxRange).Split() : [];
        return bounds.Length > 0 && int.TryParse(bounds[0], System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 49152;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int AnyFreeOnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
