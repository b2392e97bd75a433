using System.Diagnostics;
using System.Net;

namespace RateLimitSoak;

/// <summary>
/// One simulated client: a fixed address in X-Forwarded-For, a few request loops paced to offer a multiple of the
/// allowed rate (open loop: a slow answer does not lower the offered rate below what it can catch up), counting
/// what came back.
/// </summary>
internal sealed class ClientLoad(string address, HttpClient http, SoakSettings settings)
{
    private long _admitted;
    private long _refused;
    private long _errors;
    private long _sent;

    public string Address => address;
    public long Admitted => Interlocked.Read(ref _admitted);
    public long Refused => Interlocked.Read(ref _refused);
    public long Errors => Interlocked.Read(ref _errors);
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Error descriptions, a few of them, for the report.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ErrorSamples { get; } = new();

    public Task RunAsync(Stopwatch clock, TimeSpan duration) =>
        Task.WhenAll(Enumerable.Range(0, settings.InFlightPerClient).Select(loop => LoopAsync(loop, clock, duration)));

    private async Task LoopAsync(int loop, Stopwatch clock, TimeSpan duration)
    {
        var interval = TimeSpan.FromSeconds(settings.InFlightPerClient / (settings.AllowedPerSecond * settings.Overload));
        // Loops start staggered so a client's requests spread over the interval rather than arrive in pairs.
        var next = interval * loop / settings.InFlightPerClient;
        while (true)
        {
            var now = clock.Elapsed;
            if (next >= duration || now >= duration)
                return;
            if (next > now)
                await Task.Delay(next - now);
            next += interval;
            await SendOneAsync();
        }
    }

    private async Task SendOneAsync()
    {
        Interlocked.Increment(ref _sent);
        using var request = new HttpRequestMessage(HttpMethod.Get, settings.Path);
        request.Headers.Add("X-Forwarded-For", address);
        try
        {
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK or HttpStatusCode.NotModified:
                    Interlocked.Increment(ref _admitted);
                    break;
                case HttpStatusCode.TooManyRequests:
                    Interlocked.Increment(ref _refused);
                    break;
                default:
                    Error($"HTTP {(int)response.StatusCode}");
                    break;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Error(e.GetType().Name + ": " + e.Message);
        }
    }

    private void Error(string description)
    {
        Interlocked.Increment(ref _errors);
        if (ErrorSamples.Count < 5)
            ErrorSamples.Enqueue(description);
    }
}
