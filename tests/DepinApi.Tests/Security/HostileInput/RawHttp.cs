using System.Net.Sockets;
using System.Text;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>What came back on a raw connection: the status (0 when none came), headers and body text.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public System.Net.Http.Headers.MediaTypeHeaderValue? ContentType =>
        Headers.TryGetValue("content-type", out var value) ? System.Net.Http.Headers.MediaTypeHeaderValue.Parse(value) : null;
}

/// <summary>
/// HTTP/1.1 over a plain socket, for bytes no HTTP client will send: invalid UTF-8 and NUL in the request line and
/// headers, malformed framing, bodies that stop half-way. The request is written while the answer is read, so a
/// server that answers early (a 413 before the body is in) is heard, and a write the server cut off is no failure.
/// </summary>
public static class RawHttp
{
    /// <param name="head">Request line and headers, each line ending in CRLF, without the blank line.</param>
    /// <param name="body">Written after the blank line, in pieces, unless the server has closed the connection.</param>
    /// <param name="stall">The request is left unfinished on purpose (for the message when no answer comes).</param>
    /// <param name="endHead">Whether the blank line that ends the headers is sent.</param>
    public static async Task<RawResponse> SendAsync(Uri server, byte[] head, byte[]? body = null, bool stall = false, bool endHead = true)
    {
        using var deadline = new CancellationTokenSource(HostileInputApi.RequestPatience);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, deadline.Token);
        var stream = client.GetStream();
        var writing = WriteAsync(stream, endHead ? [.. head, .. "\r\n"u8] : head, body, deadline.Token);
        try
        {
            return await ReadAsync(stream, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {HostileInputApi.RequestPatience.TotalSeconds} s" + (stall ? " to a stalled request." : "."));
        }
        finally
        {
            client.Close();
            await writing;
        }
    }

    public static byte[] Bytes(string ascii) => Encoding.Latin1.GetBytes(ascii);

    private static async Task WriteAsync(NetworkStream stream, byte[] head, byte[]? body, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(head, cancellationToken);
            if (body is null) return;
            for (var at = 0; at < body.Length; at += 64 * 1024)
                await stream.WriteAsync(body.AsMemory(at, Math.Min(64 * 1024, body.Length - at)), cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The server answered and closed before taking everything: that is its right.
        }
    }

    private static async Task<RawResponse> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int headEnd;
        while ((headEnd = IndexOfBlankLine(received)) < 0)
        {
            var read = await ReadSomeAsync(stream, buffer, cancellationToken);
            if (read == 0) return new RawResponse(0, new Dictionary<string, string>(), "");
            received.Write(buffer, 0, read);
        }
        var lines = Encoding.Latin1.GetString(received.GetBuffer(), 0, headEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var rest = new MemoryStream();
        rest.Write(received.GetBuffer(), headEnd + 4, (int)received.Length - headEnd - 4);

        if (headers.TryGetValue("content-length", out var length))
        {
            while (rest.Length < long.Parse(length, System.Globalization.CultureInfo.InvariantCulture))
            {
                var read = await ReadSomeAsync(stream, buffer, cancellationToken);
                if (read == 0) break;
                rest.Write(buffer, 0, read);
            }
            return new RawResponse(status, headers, Encoding.UTF8.GetString(rest.ToArray()));
        }
        if (headers.TryGetValue("transfer-encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (!EndsWith(rest, "0\r\n\r\n"u8))
            {
                var read = await ReadSomeAsync(stream, buffer, cancellationToken);
                if (read == 0) break;
                rest.Write(buffer, 0, read);
            }
            return new RawResponse(status, headers, Dechunk(rest.ToArray()));
        }
        return new RawResponse(status, headers, "");
    }

    private static async Task<int> ReadSomeAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            return 0; // a reset after the answer is the end of the answer
        }
    }

    private static int IndexOfBlankLine(MemoryStream received) =>
        received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf("\r\n\r\n"u8);

    private static bool EndsWith(MemoryStream stream, ReadOnlySpan<byte> tail) =>
        stream.Length >= tail.Length && stream.GetBuffer().AsSpan((int)stream.Length - tail.Length, tail.Length).SequenceEqual(tail);

    private static string Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0) break;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd).Split(';')[0], 16);
            if (size == 0) break;
            body.Write(chunked, at + lineEnd + 2, size);
            at += lineEnd + 2 + size + 2;
        }
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
