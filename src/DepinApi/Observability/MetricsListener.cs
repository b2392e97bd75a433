using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace DepinApi.Observability;

/// <summary>
/// Serves the Prometheus scrape endpoint from a Kestrel server of its own on <see cref="MetricsOptions.Urls"/>, so
/// that nothing the public listener answers can reach it (no route, no Host header, no forwarded address) and
/// nothing of the public pipeline (host filtering, rate limits, caching) stands between Prometheus and it.
/// </summary>
internal sealed partial class MetricsListener(IOptions<MetricsOptions> options, MeterProvider meterProvider, ILogger<MetricsListener> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(settings.Urls);
        var app = builder.Build();
        // The meter provider is the API's: this host only formats what it collected.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: settings.Path,
            configureBranchedPipeline: null, optionsName: null);
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        // A port already taken fails the start: an operator should learn of it at once, not from a silent dashboard,
        // and from the setting that chose the port.
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            await app.DisposeAsync();
            throw new OptionsValidationException(MetricsOptions.Section, typeof(MetricsOptions),
                [$"{MetricsOptions.Section}:Urls is '{settings.Urls}', where another process already listens ({e.Message}); choose a free port, or leave it empty for no metrics listener."]);
        }
        server = app;
        // The bound addresses, which differ from the settings when they ask for a port of the system's choosing (:0).
        Listening(string.Join(';', app.Urls), settings.Path);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null) await server.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics for Prometheus at {Urls} (path {Path})")]
    private partial void Listening(string urls, string path);
}
