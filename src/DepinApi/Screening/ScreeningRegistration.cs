using DepinApi.Rest;
using DepinApi.Rest.Screening;
using DepinApi.Rest.Sectors;
using DepinApi.SectorAnalytics;

namespace DepinApi.Screening;

/// <summary>Registers the screening and sector-analytics services and maps their /v1 routes.</summary>
public static class ScreeningRegistration
{
    public static WebApplicationBuilder AddScreening(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScreeningService>();
        builder.Services.AddSingleton<SectorAnalyticsService>();
        builder.Services.AddOptions<SectorAnalyticsOptions>().BindConfiguration(SectorAnalyticsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// Maps /v1/screening, /v1/projects/{slug}/screening and /v1/sectors/analytics in a /v1 group like the rest of
    /// /v1 (<see cref="RestApi.MapV1Group"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapScreening(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapV1Group();
        v1.MapScreeningEndpoints();
        v1.MapSectorAnalyticsEndpoints();
        return app;
    }
}
