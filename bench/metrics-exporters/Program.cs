// Measures what each Prometheus exporter costs this API: per measurement recorded on a System.Diagnostics.Metrics
// instrument (the hot path of every request) and per scrape of a realistic number of series. One exporter per
// process, so neither's listeners or caches touch the other's figures: `dotnet run -c Release -- otel|prometheus-net|none`
// (none: no listener, the cost of the instruments alone).
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using Prometheus;

var exporter = args.FirstOrDefault() ?? "otel";
const int Measurements = 2_000_000;
const int Scrapes = 300;

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
if (exporter == "otel")
{
    builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
        .AddMeter("Bench")
        // No scrape cache: every scrape below is built anew, as it would be with one Prometheus scraping.
        .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
}
else if (exporter == "prometheus-net")
{
    Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = i => i.Meter.Name == "Bench");
}
var app = builder.Build();
if (exporter == "otel") app.MapPrometheusScrapingEndpoint();
else if (exporter == "prometheus-net") app.MapMetrics();
else app.MapGet("/metrics", () => "");
await app.StartAsync();
var address = app.Urls.First();
using var http = new HttpClient { BaseAddress = new Uri(address) };
// One scrape first: prometheus-net starts its meter adapter (as configured) with its registry's first collection.
await http.GetStringAsync("/metrics");

using var meter = new Meter("Bench");
var requests = meter.CreateCounter<long>("bench.requests");
var duration = meter.CreateHistogram<double>("bench.request.duration", "s");
// About the series this API exposes: 40 routes × 5 status codes.
var routes = Enumerable.Range(0, 40).Select(i => $"/v1/route/{i}").ToArray();
var statuses = new[] { "200", "304", "400", "404", "429" };

void Record(int i)
{
    var route = routes[i % routes.Length];
    var status = statuses[i / routes.Length % statuses.Length];
    requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));
    duration.Record(0.001 * (i % 50), new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));
}

for (var i = 0; i < 200_000; i++) Record(i); // warm-up, and every series exists before the scrapes
var allocated = GC.GetAllocatedBytesForCurrentThread();
var started = Stopwatch.GetTimestamp();
for (var i = 0; i < Measurements; i++) Record(i);
var recordNs = Stopwatch.GetElapsedTime(started).TotalNanoseconds / (Measurements * 2.0);
var recordBytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (Measurements * 2.0);

// Time for an exporter that publishes in the background (prometheus-net's adapter) to catch up.
await Task.Delay(2000);
var body = await http.GetStringAsync("/metrics");
for (var i = 0; i < 20; i++) await http.GetStringAsync("/metrics");
var totalAllocated = GC.GetTotalAllocatedBytes(precise: true);
started = Stopwatch.GetTimestamp();
for (var i = 0; i < Scrapes; i++) body = await http.GetStringAsync("/metrics");
var scrapeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds / Scrapes;
var scrapeBytes = (GC.GetTotalAllocatedBytes(precise: true) - totalAllocated) / (double)Scrapes;

// A second argument prints the last scrape, to see what each exporter publishes.
if (args.Length > 1) Console.WriteLine(body);
Console.WriteLine($"{exporter}: record {recordNs:0.0} ns and {recordBytes:0.0} B per measurement; scrape {scrapeMs:0.00} ms and {scrapeBytes / 1024:0} KiB allocated per scrape ({body.Length / 1024} KiB of text, {body.Split('\n').Count(l => l.StartsWith("bench", StringComparison.Ordinal))} sample lines)");
await app.StopAsync();
