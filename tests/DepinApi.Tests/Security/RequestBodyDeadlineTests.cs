using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Security;

/// <summary>
/// A request body must arrive within Server:RequestBodyTimeoutSeconds of its headers: one sent faster than Kestrel's
/// minimum data rate but never finishing is answered 408 at the deadline, instead of holding its connection and one of
/// its client's requests in flight for as long as it keeps trickling.
/// </summary>
public sealed class RequestBodyDeadlineTests : IAsyncLifetime
{
    private const int DeadlineSeconds = 2;
    private ApiFactory factory = null!;
    private int port;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["Server:RequestBodyTimeoutSeconds"] = DeadlineSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        port = factory.StartOnLoopback();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_graphql_body_trickled_past_the_deadline_is_answered_408_with_its_code()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        const string json = "{\"query\":\"{ meta { dataVersion } }\"}";
        var body = json + new string(' ', 20_000);
        var head = $"POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: application/json\r\n" +
                   $"Content-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // 40 bytes every 100 ms: 400 bytes a second, above Kestrel's minimum rate (240), far below finishing in time.
        var trickle = Task.Run(async () =>
        {
            try
            {
                for (var at = 0; at < body.Length && !stop.IsCancellationRequested; at += 40)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(body.Substring(at, Math.Min(40, body.Length - at))), stop.Token);
                    await Task.Delay(100, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server answered and closed: the trickle is over.
            }
        });

        var answer = await ReadAnswerAsync(stream, stop.Token);
        var answeredAfter = clock.Elapsed;
        await stop.CancelAsync();
        await trickle;

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.Contains("\"REQUEST_TIMEOUT\"", answer, StringComparison.Ordinal);
        Assert.Contains("Server:RequestBodyTimeoutSeconds", answer, StringComparison.Ordinal);
        Assert.InRange(answeredAfter.TotalSeconds, DeadlineSeconds - 0.5, DeadlineSeconds + 10);
    }

    [Fact]
    public async Task A_body_sent_in_time_is_read_as_before()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var content = new StringContent("{\"query\":\"{ meta { dataVersion } }\"}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/graphql", content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"dataVersion\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The status line, headers and as much of the body as comes before the server closes or a second passes quietly.
    private static async Task<string> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (received.Length > 0) quiet.CancelAfter(TimeSpan.FromSeconds(1));
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, quiet.Token);
            }
            catch (OperationCanceledException) when (received.Length > 0 && !cancellationToken.IsCancellationRequested)
            {
                return received.ToString();
            }
            catch (IOException) when (received.Length > 0)
            {
                return received.ToString();
            }
            if (read == 0) return received.ToString();
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
    }
}
