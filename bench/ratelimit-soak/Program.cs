using System.Diagnostics;
using System.Globalization;
using RateLimitSoak;

// A bounded soak of the rate limiter (docs/rate-limits.md, "Soak test"): many clients above their budget through a
// trusted proxy; the limiter must admit each the configured rate within the tolerance, answer nothing but 2xx and
// 429, and keep the server's memory flat. Exit code 0 only when all three hold.
SoakSettings settings;
try
{
    settings = SoakSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Options: --duration s --window s --points n --concurrency n --clients n --overload x --in-flight n " +
        "--tolerance f --path /v1/... --max-rss-growth-mb n --port n --pg-port n --server-dll path --set Key__Name=value");
    return 2;
}

var root = RepositoryRoot();
await using var server = await ApiServer.StartAsync(settings, root);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = server.BaseAddress,
    Timeout = TimeSpan.FromSeconds(30),
};

// Warm-up from an address of its own: JIT, connection pool, output cache; and a check that the path answers 200.
for (var i = 0; i < 20; i++)
{
    using var warm = new HttpRequestMessage(HttpMethod.Get, settings.Path);
    warm.Headers.Add("X-Forwarded-For", "198.19.255.254");
    using var response = await http.SendAsync(warm);
    if (i == 0 && !response.IsSuccessStatusCode)
    {
        Console.Error.WriteLine($"{settings.Path} answered {(int)response.StatusCode}; pass --path with a rate-limited GET that answers 200.");
        return 2;
    }
}
await Task.Delay(TimeSpan.FromSeconds(2));
var rssBefore = server.ResidentBytes();

var clients = Enumerable.Range(0, settings.Clients)
    .Select(i => new ClientLoad($"198.18.{i / 250}.{i % 250 + 1}", http, settings)).ToArray();
var duration = TimeSpan.FromSeconds(settings.DurationSeconds);
Console.WriteLine($"soak: {settings.Clients} clients x {settings.AllowedPerSecond * settings.Overload:0.##} req/s offered " +
    $"({settings.Overload:0.#}x the allowed {settings.AllowedPerSecond:0.##}/s = {settings.PointsPerWindow} per {settings.WindowSeconds} s) " +
    $"for {settings.DurationSeconds} s against {settings.Path}");

var rssPeak = rssBefore;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        rssPeak = Math.Max(rssPeak, server.ResidentBytes());
        try { await Task.Delay(500, sampling.Token); } catch (OperationCanceledException) { }
    }
});
var clock = Stopwatch.StartNew();
await Task.WhenAll(clients.Select(c => c.RunAsync(clock, duration)));
var elapsed = clock.Elapsed;
sampling.Cancel();
await sampler;
await Task.Delay(TimeSpan.FromSeconds(2));
var rssAfter = server.ResidentBytes();
if (server.HasExited)
{
    Console.Error.WriteLine("The server exited during the soak; its last lines:");
    foreach (var line in server.RecentOutput)
        Console.Error.WriteLine("  server: " + line);
    return 1;
}

// Each client starts with a full bucket of one window's points (the burst ApiServer sets) and is refilled at the rate.
var windows = settings.DurationSeconds / settings.WindowSeconds;
var expected = settings.PointsPerWindow + settings.AllowedPerSecond * settings.DurationSeconds;
Console.WriteLine();
Console.WriteLine($"{"client",-16} {"sent",7} {"admitted",9} {"429",7} {"errors",7} {"admitted/s",11} {"configured/s",13} {"deviation",10}");
var worst = 0.0;
foreach (var client in clients)
{
    var deviation = (client.Admitted - expected) / expected;
    worst = Math.Max(worst, Math.Abs(deviation));
    Console.WriteLine($"{client.Address,-16} {client.Sent,7} {client.Admitted,9} {client.Refused,7} {client.Errors,7} " +
        $"{client.Admitted / (double)settings.DurationSeconds,11:0.000} {settings.AllowedPerSecond,13:0.000} {deviation,10:+0.00%;-0.00%;0.00%}");
}

var errors = clients.Sum(c => c.Errors);
var sent = clients.Sum(c => c.Sent);
var admitted = clients.Sum(c => c.Admitted);
var growthMb = (rssAfter - rssBefore) / 1048576.0;
Console.WriteLine();
Console.WriteLine($"requests: {sent} sent in {elapsed.TotalSeconds:0.0} s ({sent / elapsed.TotalSeconds:0} req/s), " +
    $"{admitted} admitted, {clients.Sum(c => c.Refused)} refused with 429, {errors} other");
foreach (var sample in clients.SelectMany(c => c.ErrorSamples).Take(5))
    Console.WriteLine("  error: " + sample);
Console.WriteLine($"admitted per client: expected {expected:0} (a burst of {settings.PointsPerWindow} + {windows} windows x {settings.PointsPerWindow}), " +
    $"min {clients.Min(c => c.Admitted)}, max {clients.Max(c => c.Admitted)}, worst deviation {worst:0.00%} (tolerance {settings.Tolerance:0.#%})");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"server RSS: before {rssBefore / 1048576.0:0.0} MB, peak {rssPeak / 1048576.0:0.0} MB, after {rssAfter / 1048576.0:0.0} MB (growth {growthMb:+0.0;-0.0} MB, limit {settings.MaxRssGrowthMb} MB)"));

var rateOk = worst <= settings.Tolerance;
var errorsOk = errors == 0;
var memoryOk = growthMb <= settings.MaxRssGrowthMb;
Console.WriteLine($"verdict: rate {(rateOk ? "ok" : "FAIL")}, errors {(errorsOk ? "ok" : "FAIL")}, memory {(memoryOk ? "ok" : "FAIL")}");
return rateOk && errorsOk && memoryOk ? 0 : 1;

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        if (File.Exists(Path.Combine(directory.FullName, "DepinApi.sln")))
            return directory.FullName;
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        if (File.Exists(Path.Combine(directory.FullName, "DepinApi.sln")))
            return directory.FullName;
    throw new InvalidOperationException("Run from inside the repository (no DepinApi.sln found above the current folder).");
}
