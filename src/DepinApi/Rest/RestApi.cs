using System.IO.Compression;
using DepinApi.RateLimiting;
using DepinApi.Redis;
using DepinApi.Rest.Figures;
using DepinApi.Rest.History;
using DepinApi.Rest.Infrastructure;
using DepinApi.Rest.Metrics;
using DepinApi.Rest.Models;
using DepinApi.Rest.Projects;
using DepinApi.Rest.Revenue;
using DepinApi.Rest.Sectors;
using DepinApi.Rest.Settlement;
using DepinApi.Rest.Sources;
using DepinApi.Rest.TokenPrices;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest;

/// <summary>Registers and maps the REST API v1 (<c>/v1</c>): its services, caching, CORS, compression and endpoint groups.</summary>
public static class RestApi
{
    /// <summary>The CORS policy of the API: any origin may read, nobody may write (there is nothing to write).</summary>
    public const string CorsPolicy = "public-read";

    /// <summary>
    /// The CORS policy of GraphQL: any origin may send queries, as GET (or HEAD) or as a JSON POST (which browsers preflight).
    /// Without credentials, so a page on another origin reads only what it could read anonymously anyway.
    /// </summary>
    public const string GraphQLCorsPolicy = "public-graphql";

    // Read by browser code on other origins: validators, paging links, file names and the rate-limit state.
    private static readonly string[] ExposedHeaders = ["ETag", "Link", "Content-Disposition", "Location", "Retry-After",
        "RateLimit", "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
        "RateLimit-Cost"];

    public static WebApplicationBuilder AddRestApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RestOptions>().Bind(builder.Configuration.GetSection(RestOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RestOptions>, RestOptions.Validator>();
        services.AddSingleton<CursorCodec>();
        services.AddSingleton<QueryParameterCatalog>();
        services.AddSingleton<RestHandlerServices>();
        services.AddSingleton<BulkExports>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<ProjectNames>();
        services.AddSingleton<RestErrorFilter>();
        services.AddSingleton<CachingHeadersFilter>();
        services.AddSingleton<DataVersionCachePolicy>();
        services.AddHostedService<OutputCacheEviction>();
        // Resolved per request from the container: the policy needs the data version tracker.
        services.AddOutputCache(cache => cache.AddPolicy(DataVersionCachePolicy.PolicyName,
            policy => policy.AddPolicy<DataVersionCachePolicy>(), excludeDefaultPolicy: true));
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<RestOptions>>((cache, rest) =>
        {
            cache.MaximumBodySize = rest.Value.OutputCacheMaxBodyBytes;
            cache.SizeLimit = rest.Value.OutputCacheSizeLimitBytes;
            // Slugs and ids are case-sensitive (/v1/projects/AETHIR is a 404) and responses echo the
            // query as sent, so an entry kept for one spelling must never answer another. This
            // applies to every cached endpoint, GraphQL's included.
            cache.UseCaseSensitivePaths = true;
            cache.AddBasePolicy(new ExactQueryCacheKey());
        });
        FairOutputCacheStore.Register(services, services.AddSharedRedis(builder.Configuration));
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<RestOptions>>((cors, rest) =>
        {
            // Lets a browser skip the preflight of its next requests to the same URL for this long.
            var preflightMaxAge = TimeSpan.FromSeconds(Math.Max(0, rest.Value.CorsPreflightMaxAgeSeconds));
            cors.AddPolicy(CorsPolicy, policy => policy
                .AllowAnyOrigin()
                .WithMethods("GET", "HEAD")
                .AllowAnyHeader()
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(preflightMaxAge));
            cors.AddPolicy(GraphQLCorsPolicy, policy => policy
                .AllowAnyOrigin()
                .WithMethods([.. GraphQLEngine.Http.GraphQLHttpMethods.Answered])
                .AllowAnyHeader()
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(preflightMaxAge));
        });
        services.AddResponseCompression(compression =>
        {
            // Everything served is public data, so compressing over HTTPS leaks no secret (BREACH needs one).
            compression.EnableForHttps = true;
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["text/csv", "application/problem+json", "application/graphql-response+json", "image/svg+xml"]);
        });
        // As instances, in the order they win a tie (Brotli, then gzip), so that the provider choosing among them by
        // quality (ContentCodingChoice) reads them from the options as ASP.NET Core's would.
        services.AddOptions<ResponseCompressionOptions>()
            .Configure<IOptions<BrotliCompressionProviderOptions>, IOptions<GzipCompressionProviderOptions>>((compression, brotli, gzip) =>
            {
                compression.Providers.Add(new BrotliCompressionProvider(brotli));
                compression.Providers.Add(new GzipCompressionProvider(gzip));
            });
        services.AddSingleton<QualityCompressionProvider>();
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider>(sp => sp.GetRequiredService<QualityCompressionProvider>()));
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>
    /// ASP.NET Core's CORS middleware, applying the endpoints' policies (REST's and GraphQL's, both registered above),
    /// constructed here instead of by <c>UseCors()</c>: its <c>Invoke</c> takes the policy provider as a parameter, so
    /// <c>UseMiddleware</c> compiles an expression tree to call it, the one a start still compiled and the only reason
    /// it loaded System.Linq.Expressions (docs/performance.md, <i>Means</i>).
    /// </summary>
    public static IApplicationBuilder UseCorsPolicies(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        // Stateless (it reads the options' policies), so one serves every request.
        var policies = new ReadPolicyByDefault(services.GetRequiredService<ICorsPolicyProvider>(), CorsPolicy);
        var cors = services.GetRequiredService<ICorsService>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        // Every preflight ends here, before the rate limiter, so that it costs no points and a browser can still read a
        // throttled client's 429: one an endpoint's policy grants is the CORS middleware's 204, one none grants is
        // refused as the request it asks about would be (UngrantedPreflight). Handed on instead, it was charged a point
        // and answered without the headers that make an error readable from another origin. Like the probes it is
        // limited per address (ProbeAllowance), or it would be the one request a client could send as fast as the
        // server answers.
        var ungranted = new UngrantedPreflight(cors,
            services.GetRequiredService<IOptions<CorsOptions>>().Value.GetPolicy(CorsPolicy)!,
            services.GetRequiredService<DepinApi.Errors.PathMethods>());
        var preflights = new CorsMiddleware(ungranted.AnswerAsync, cors, loggers);
        var probes = services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled ? services.GetRequiredService<ProbeAllowance>() : null;
        return app.Use(next =>
        {
            var requests = new CorsMiddleware(next, cors, loggers);
            return context => CorsPreflight.Is(context.Request)
                ? AnswerPreflightAsync(context, probes, ungranted, preflights, policies)
                : requests.Invoke(context, policies);
        });
    }

    private static async Task AnswerPreflightAsync(HttpContext context, ProbeAllowance? probes, UngrantedPreflight ungranted,
        CorsMiddleware preflights, ICorsPolicyProvider policies)
    {
        if (probes is null || await probes.TryAdmitAsync(context, ungranted.ReadableFromAnyOrigin))
            await preflights.Invoke(context, policies);
    }

    /// <summary>Maps every /v1 endpoint group with the shared error handling, caching headers, output cache and CORS.</summary>
    public static IEndpointRouteBuilder MapRestApi(this IEndpointRouteBuilder app)
    {
        var urls = app.ServiceProvider.GetRequiredService<PublicUrls>();
        if (urls.IsRelative)
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RestApi)).LogWarning(
                "Server:PublicBaseUrl is not set and AllowedHosts is '*': permalinks, citations and Link headers are "
                + "written as relative URLs. Set Server:PublicBaseUrl (or AllowedHosts) to publish absolute ones.");
        if (RedisRegistration.ConnectionString(app.ServiceProvider.GetRequiredService<IConfiguration>()) is not null
            && string.IsNullOrWhiteSpace(app.ServiceProvider.GetRequiredService<IOptions<RestOptions>>().Value.CursorKey))
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RestApi)).LogWarning(
                "ConnectionStrings:Redis is set but Rest:CursorKey is not: this instance signs cursors and ETags with a key "
                + "of its own, which other replicas refuse (400 invalid-cursor), and shares no cached response with them. "
                + "Give every replica the same Rest:CursorKey.");
        var v1 = app.MapV1Group();
        v1.MapProjectEndpoints();
        v1.MapRevenueEndpoints();
        v1.MapSettlementMixEndpoints();
        v1.MapTokenPriceEndpoints();
        v1.MapMetricEndpoints();
        v1.MapSectorEndpoints();
        v1.MapSourceEndpoints();
        v1.MapHistoryEndpoints();
        v1.MapFigureSearchEndpoints();
        return app;
    }

    /// <summary>
    /// A /v1 group with what every REST resource shares: route values decoded as sent, the response buffered and built in
    /// a fair turn, the error handling, caching headers, output cache and CORS.
    /// </summary>
    /// <remarks>The filters are the container's singletons, not <c>AddEndpointFilter&lt;T&gt;()</c>, which
    /// compiles an expression tree to construct each one (<c>ActivatorUtilities.CreateFactory</c>). They are resolved
    /// when the endpoints are built, after start-up has found the database they need.</remarks>
    public static RouteGroupBuilder MapV1Group(this IEndpointRouteBuilder app) =>
        app.MapGroup("/v1")
            .WithMetadata(BufferedResponse.Metadata, DepinApi.Fairness.FairBuild.Rest, RouteValuesAsSent.Metadata)
            .AddFilterFromServices<RestErrorFilter>()
            .AddFilterFromServices<CachingHeadersFilter>()
            .CacheOutput(DataVersionCachePolicy.PolicyName)
            .RequireCors(CorsPolicy);

    private static RouteGroupBuilder AddFilterFromServices<TFilter>(this RouteGroupBuilder group) where TFilter : IEndpointFilter =>
        group.AddEndpointFilterFactory((context, next) =>
        {
            var filter = context.ApplicationServices.GetRequiredService<TFilter>();
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
