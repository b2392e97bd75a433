using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DepinApi.Security;

/// <summary>Request limits, security headers and HTTPS.</summary>
public static class SecurityRegistration
{
    public static WebApplicationBuilder AddDepinSecurity(this WebApplicationBuilder builder)
    {
        var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        // A malformed base URL would be pasted into every citation: refuse to start instead.
        Rest.Infrastructure.PublicUrls.Normalize(server.PublicBaseUrl);
        builder.Services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.ConnectionsKeptFree < o.MaxConnections,
                $"{ServerOptions.Section}:ConnectionsKeptFree must be less than {ServerOptions.Section}:MaxConnections.")
            .ValidateOnStart();
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = server.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = server.MaxRequestHeadersTotalBytes;
            kestrel.Limits.MaxRequestHeaderCount = server.MaxRequestHeaderCount;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(server.RequestHeadersTimeoutSeconds);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(server.KeepAliveTimeoutSeconds);
            // IdleConnections enforces MaxConnections, closing idle connections to make room and logging its refusals
            // sampled; Kestrel's own limit, an eighth above, is a backstop for connections accepted faster than closed.
            kestrel.Limits.MaxConcurrentConnections = server.MaxConnections + Math.Max(16, server.MaxConnections / 8);
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ConnectionRefusals>();
        builder.Services.AddSingleton<ConnectionsPerAddress>();
        builder.Services.AddSingleton<IdleConnections>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<ConnectionsPerAddress, IdleConnections>((kestrel, perAddress, idle) =>
            kestrel.ConfigureEndpointDefaults(listen => listen
                .Use(next => connection => perAddress.OnConnectionAsync(connection, next))
                .Use(next => connection => idle.OnConnectionAsync(connection, next))));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(server.ShutdownTimeoutSeconds));

        builder.Services.Configure<SecurityHeadersOptions>(builder.Configuration.GetSection(SecurityHeadersOptions.Section));
        var https = builder.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        builder.Services.Configure<HttpsOptions>(builder.Configuration.GetSection(HttpsOptions.Section));
        builder.Services.Configure<HstsOptions>(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(https.HstsMaxAgeDays);
            hsts.IncludeSubDomains = https.HstsIncludeSubDomains;
        });
        builder.Services.Configure<HttpsRedirectionOptions>(redirect =>
        {
            redirect.HttpsPort = https.Port;
            redirect.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        return builder;
    }

    /// <summary>Placed right after the forwarded headers, so the scheme and client address are the real ones.</summary>
    /// <summary>First in the pipeline: the connections in a request are not closed as idle (<see cref="IdleConnections"/>).</summary>
    public static WebApplication UseConnectionActivity(this WebApplication app)
    {
        var idle = app.Services.GetRequiredService<IdleConnections>();
        app.Use(next => context => idle.TrackRequestsAsync(context, next));
        return app;
    }

    public static WebApplication UseDepinSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestBodyDeadline>();
        var https = app.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        if (https.Enabled)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }
}
