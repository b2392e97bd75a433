using DepinApi.Security;
using GraphQLEngine.Http;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DepinApi.Observability;

/// <summary>
/// Traces, metrics and request logs, from the libraries that already make them: OpenTelemetry (ASP.NET Core, Npgsql,
/// the GraphQL engine's spans, the <see cref="ServiceMeters"/>), its Prometheus exporter on a listener of its own, OTLP
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector, and ASP.NET Core's HTTP logging. See docs/observability.md.
/// </summary>
public static class ObservabilityRegistration
{
    public const string ServiceName = "depin-api";

    /// <summary>The standard OpenTelemetry variable; when it is unset no span is recorded and nothing is sent anywhere.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The meter .NET itself publishes its GC, thread-pool, lock and JIT instruments on.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<DepinMetrics>();
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptions.Validator>();
        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName));
        // Recording spans costs every request something; without an exporter nobody would see them.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsProbe(http.Request.Path))
                .AddSource(GraphQLTelemetry.ActivitySourceName)
                .AddNpgsql());
        }
        if (otlp || metrics.Enabled)
        {
            telemetry.WithMetrics(meters =>
            {
                meters.AddAspNetCoreInstrumentation()
                    .AddMeter(ServiceMeters.Names)
                    // The runtime's own meter: GC pauses and heap, thread-pool queue and threads, lock contention and
                    // JIT compilation, which is where a tail or a slow first minute comes from (docs/observability.md).
                    .AddMeter(RuntimeMeterName)
                    .AddNpgsqlInstrumentation();
                if (metrics.Enabled) meters.AddPrometheusExporter();
            });
        }
        if (otlp) telemetry.UseOtlpExporter();
        if (metrics.Enabled) builder.Services.AddHostedService<MetricsListener>();

        builder.Services.AddHttpLogging(logging =>
        {
            // What the request log always held: no query string, headers or bodies (they can carry API keys), and no
            // client address (the rate limiter's partition is the place for that, not a log kept for weeks).
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                                    | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            // One entry per request, written when it ends.
            logging.CombineLogs = true;
        });
        builder.Services.AddHttpLoggingInterceptor<RefusalLogSampling>();
        return builder;
    }

    /// <summary>Placed first: the request id scope and the log entry cover everything after them.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseHttpLogging();
        return app;
    }

    // Polled every few seconds by orchestrators: a trace of each would drown the traces of requests.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
