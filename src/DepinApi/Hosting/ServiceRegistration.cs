using DepinApi.Benchmarking;
using DepinApi.Database;
using DepinApi.Errors;
using DepinApi.Fairness;
using DepinApi.GraphQL.Http;
using DepinApi.Health;
using DepinApi.Ide;
using DepinApi.Observability;
using DepinApi.OpenApi;
using DepinApi.Pages;
using DepinApi.RateLimiting;
using DepinApi.ReadModel;
using DepinApi.Rest;
using DepinApi.Rest.ApiIndex;
using DepinApi.Rest.Infrastructure;
using DepinApi.Screening;
using DepinApi.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DepinApi.Hosting;

/// <summary>The web host's services and middleware, in one place so Program.cs reads as an outline.</summary>
public static class ServiceRegistration
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static WebApplicationBuilder AddDepinServices(this WebApplicationBuilder builder)
    {
        // --urls and ASPNETCORE_URLS both land in "urls"; only when neither is given do we pick the documented default.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrl);

        // Program says once why a start failed (a setting, the database); the host's "Hosting failed to start" would
        // say it again, with a stack trace.
        builder.Logging.AddFilter(HostCategory, LogLevel.Critical);
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();
        // Registered first: hosted services start in order, and everything after it needs the database.
        builder.Services.AddSingleton<DatabaseStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        builder.Services.AddHostedService<DataVersionPreload>();
        builder.Services.AddSingleton(CreateReaderDataSource);
        builder.Services.AddSingleton<DataVersionTracker>();
        builder.Services.AddHostedService<DataVersionListener>();
        builder.Services.AddHostedService<ReaderEscapeWarning>();
        builder.Services.AddReadModel();
        builder.AddObservability();
        builder.AddReadiness();
        builder.Services.AddDepinErrorHandling();
        builder.AddDepinSecurity();
        builder.Services.AddSingleton<FairBuildGate>();
        builder.AddApiDocs();
        builder.AddRateLimits();
        builder.AddRestApi();
        builder.AddScreening();
        builder.AddDepinGraphQL();
        builder.AddGraphQLIde();
        builder.AddFigurePages();
        var memory = builder.Configuration.GetSection(MemoryOptions.Section);
        builder.Services.Configure<MemoryOptions>(memory);
        builder.Services.AddHostedService<IdleMemoryRelease>();
        // Process-wide, and before the first response is compressed: freed compressor states go back to the system.
        if ((memory.Get<MemoryOptions>() ?? new()).ReturnLargeNativeBlocks)
            NativeHeap.KeepLargeBlocksMapped();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
            json.SerializerOptions.Converters.Add(new Rest.Infrastructure.NormalizedDecimalConverter());
            json.SerializerOptions.Converters.Add(new Rest.Infrastructure.UtcTimestampConverter());
        });
        return builder;
    }

    private static NpgsqlDataSource CreateReaderDataSource(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connectionString = new NpgsqlConnectionStringBuilder(services.GetRequiredService<DatabaseStartup>().Connections.Reader)
        {
            CommandTimeout = options.CommandTimeoutSeconds,
            Timeout = Math.Max(1, options.CommandTimeoutSeconds),
            ApplicationName = "depin-api",
            // The API sends a few dozen distinct statements, over and over: preparing them spares
            // Postgres the parse and plan of every one (about two thirds of its CPU per GraphQL request).
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            // Sessions change no state (the transaction ends with the session), so a pooled
            // connection needs no reset, and a reset would drop the prepared statements.
            NoResetOnClose = true,
            // Chosen, not Npgsql's default of 100: see Database:MaxPoolSize and docs/scaling.md.
            MaxPoolSize = Math.Max(1, options.MaxPoolSize),
        };
        var builder = new NpgsqlDataSourceBuilder(connectionString.ConnectionString);
        // No JIT compilation: Postgres compiles a statement whose estimated cost passes jit_above_cost, and for a
        // page of a large catalogue (a thousand projects with long series) the compile took 24 of the statement's
        // 40 ms. Every statement the API sends is bounded by its request's cost limit; none runs long enough to
        // earn back a compile. Set once per physical connection rather than as a startup option, which PgBouncer
        // (docs/scaling.md suggests it in front of each server) refuses.
        builder.UsePhysicalConnectionInitializer(
            connection =>
            {
                using var command = JitOff(connection);
                command.ExecuteNonQuery();
            },
            async connection =>
            {
                await using var command = JitOff(connection);
                await command.ExecuteNonQueryAsync();
            });
        // Only commands some request's trace is waiting for: the readiness check and the version listener run
        // every second on their own, and would otherwise each be a trace of one span.
        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => System.Diagnostics.Activity.Current is not null)
            .ConfigureBatchFilter(_ => System.Diagnostics.Activity.Current is not null));
        return builder.Build();
    }

    private static NpgsqlCommand JitOff(NpgsqlConnection connection) => new("SET jit = off", connection);

    /// <summary>
    /// Checks every setting registered with a rule (<c>ValidateOnStart</c>) at once, before the pipeline reads any of
    /// them or the database is touched: the first to read a bad one would otherwise fail with it from wherever it is.
    /// </summary>
    public static void ValidateSettings(this WebApplication app) => app.Services.GetService<IStartupValidator>()?.Validate();

    public static WebApplication UseDepinPipeline(this WebApplication app)
    {
        app.Services.GetRequiredService<DatabaseStartup>().Begin();
        app.UseConnectionActivity();
        app.UseTrustedProxyHeaders();
        app.UseRequestLogging();
        app.UseDepinSecurity();
        app.UseErrorsNotStored();
        app.UseRefusalPacing();
        // Before anything reads them: the output cache, static files and file results evaluate them too.
        app.UseUnparsablePreconditionsIgnored();
        // Before routing, which would otherwise answer a HEAD with 405.
        app.UseMiddleware<HeadRequestMiddleware>();
        app.UseRouting();
        app.UseRouteValuesAsSent();
        app.UseExceptionHandler();
        app.UseStatusCodePages(DepinApi.Errors.StatusCodeProblems.WriteAsync);
        app.UseResponseCompressionWithVary();
        app.UseCorsPolicies();
        app.UseRateLimits();
        app.UseChunkedTransferOnly();
        app.UseMethodsAsSent();
        // After the rate limits, which charge it as any request: answered before them, it would be the one request a
        // client could send as fast as the server answers.
        app.UseServerWideOptions();
        app.UseCanonicalPaths();
        app.UseOutputCache();
        // Inside the output cache, so a cached answer takes no turn; outside the buffer, so the turn is given back
        // when the buffer starts to drain to the client.
        app.UseMiddleware<FairBuildMiddleware>();
        // Inside the output cache: a cached answer needs no buffer, and a buffered one is cached as it drains.
        app.UseMiddleware<DepinApi.Rest.Infrastructure.ReadThenWriteMiddleware>();
        app.MapHealthEndpoints();
        app.MapRestApi();
        app.MapApiIndex();
        app.MapScreening();
        app.MapBenchmarkEndpoints();
        app.UseApiDocs();
        app.MapDepinGraphQL();
        app.MapGraphQLIde();
        app.MapPageAssets();
        return app;
    }
}
