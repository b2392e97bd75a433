using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// An HTTP/1.1 client on a raw socket with a small receive buffer, that reads its response a few
/// bytes at a time: the server's writes back up as they would towards a slow or hostile reader.
/// </summary>
public sealed class SlowHttpClient : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
    {
        // Set before connecting, so the advertised window stays small.
        ReceiveBufferSize = 4096,
    };

    public long Received { get; private set; }

    public static async Task<SlowHttpClient> GetAsync(int port, string pathAndQuery)
    {
        var client = new SlowHttpClient();
        await client.socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        var request = $"GET {pathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n";
        await client.socket.SendAsync(Encoding.ASCII.GetBytes(request));
        return client;
    }

    /// <summary>Reads at most <paramref name="count"/> bytes (waiting for the first); 0 at the end of the response.</summary>
    public async Task<int> ReadAsync(int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        Received += read;
        return read;
    }

    /// <summary>Reads <paramref name="chunks"/> chunks of <paramref name="chunkBytes"/>, pausing between them.</summary>
    public async Task TrickleAsync(int chunks, int chunkBytes, TimeSpan pause, CancellationToken cancellationToken)
    {
        for (var i = 0; i < chunks; i++)
        {
            await ReadAsync(chunkBytes, cancellationToken);
            await Task.Delay(pause, cancellationToken);
        }
    }

    /// <summary>Reads the rest of the response at full speed; returns how many bytes that was.</summary>
    public async Task<long> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var before = Received;
        while (await ReadAsync(64 * 1024, cancellationToken) > 0)
        {
        }
        return Received - before;
    }

    public void Dispose() => socket.Dispose();
}
