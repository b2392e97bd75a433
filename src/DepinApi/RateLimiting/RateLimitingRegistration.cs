using DepinApi.Redis;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>Registration of trusted proxies and per-client rate limits (docs/rate-limits.md).</summary>
public static class RateLimitingRegistration
{
    /// <summary>
    /// Binds the "RateLimiting" and "ForwardedHeaders" sections (validated at start-up) and registers
    /// <see cref="IRateLimitLedger"/> and the global limiter of ASP.NET Core's rate-limiting middleware.
    /// </summary>
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, TrustedProxies>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<ClientIdentifier>();
        services.AddSingleton<InProcessBudgetStore>();
        if (services.AddSharedRedis(builder.Configuration))
            services.AddSingleton<IClientBudgetStore, RedisBudgetStore>();
        else
            services.AddSingleton<IClientBudgetStore>(sp => sp.GetRequiredService<InProcessBudgetStore>());
        services.AddSingleton<RateLimitLedger>();
        services.AddSingleton<IRateLimitLedger>(sp => sp.GetRequiredService<RateLimitLedger>());
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<ProbeAllowance>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClientRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RateLimitRejection.WriteAsync;
        });
        return builder;
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto from trusted proxies only. First in the pipeline, so everything after it
    /// (the rate limiter's partitions, logs, HTTPS redirection) sees the client's address and scheme.
    /// </summary>
    public static WebApplication UseTrustedProxyHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// The pacing of refused clients (<see cref="RefusalPacing"/>): early, so that it sees every 429, the CORS
    /// preflights' and the probes' included, and holds a connection only after the request's own work is done.
    /// </summary>
    public static WebApplication UseRefusalPacing(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
            app.UseMiddleware<RefusalPacing>();
        return app;
    }

    /// <summary>
    /// The rate limiter, in its place after CORS and before the output cache (a cached response still costs its
    /// point: the limit protects the service, and cheap answers are still answers).
    /// </summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
            return app;
        app.UseMiddleware<ClientIdentificationMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<InvalidApiKeyMiddleware>();
        return app;
    }
}
