using DepinApi.Database;
using DepinApi.Errors;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DepinApi.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers, is current and holds data).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new LivenessResponse("ok")))
            .WithName("Liveness").WithTags("Health").WithSummary("The process is up.")
            .WithDescription("Answers 200 while the process runs, whatever the state of the database. Costs no points, but each " +
                "address may send `RateLimiting:ProbeRequestsPerSecond` probes a second (10 by default; beyond it a 429). " +
                "Use it as a liveness probe; use /readyz to decide whether to send traffic.")
            .Produces<LivenessResponse>()
            .WithUntaggedPreconditions()
            .AddEndpointFilter(NotStored)
            .WithMetadata(ShortAnswers.Metadata)
            // A status page in a browser may poll the probes from another origin.
            .RequireCors(RestApi.CorsPolicy);
        app.MapGet("/readyz", ReadinessAsync)
            .WithName("Readiness").WithTags("Health")
            .WithSummary("The database is reachable, its schema is current, it holds data, and which data version is served.")
            .WithDescription("Answers 200 with the schema version and the data version being served when the database " +
                "answers within the command timeout, its schema is the one this build expects and it holds a data version; " +
                "otherwise 503 problem+json: database-unavailable, schema-not-current, or no-data while nothing has been " +
                "imported (every data request would be a 503 no-data too). Answered from a check the server runs once a " +
                "second in the background, so a probe costs no database work, and an import turns it to 200 within about a " +
                "second, without a restart. Costs no points, but each address may send " +
                "`RateLimiting:ProbeRequestsPerSecond` probes a second (10 by default; beyond it a 429).")
            .Produces<ReadinessResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithUntaggedPreconditions()
            .AddEndpointFilter(NotStored)
            .WithMetadata(ShortAnswers.Metadata)
            .RequireCors(RestApi.CorsPolicy);
        return app;
    }

    // A probe answers for this moment: a cache that kept it would report a state that has passed.
    private static ValueTask<object?> NotStored(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return next(context);
    }

    /// <summary>
    /// Registers the database readiness check and runs it in the background once per
    /// <see cref="DatabaseOptions.ReadinessCheckSeconds"/>, keeping the result for <c>/readyz</c>.
    /// </summary>
    public static WebApplicationBuilder AddReadiness(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReadinessState>();
        builder.Services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<ReadinessState>());
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>(DatabaseReadinessCheck.Name);
        // The health check service logs an error for every failing run, once a second in an outage;
        // ReadinessState logs each change of state instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        builder.Services.AddOptions<HealthCheckPublisherOptions>().Configure<IOptions<DatabaseOptions>>((publisher, database) =>
        {
            publisher.Delay = TimeSpan.Zero;
            publisher.Period = TimeSpan.FromSeconds(Math.Max(1, database.Value.ReadinessCheckSeconds));
            publisher.Timeout = TimeSpan.FromSeconds(Math.Max(1, database.Value.CommandTimeoutSeconds));
        });
        return builder;
    }

    private static async Task<IResult> ReadinessAsync(ReadinessState state, IOptions<DatabaseOptions> options,
        CancellationToken cancellationToken)
    {
        var readiness = await state.CurrentAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.CommandTimeoutSeconds)),
            cancellationToken);
        if (!readiness.Reachable)
            return Problems.ServiceUnavailable(DatabaseUnavailableHandler.ProblemType, DatabaseUnavailableHandler.Title,
                "The database did not answer the readiness check; this instance is not serving data until it does.");
        if (!readiness.IsSchemaCurrent)
            return Problems.ServiceUnavailable("schema-not-current", "The database schema is not current.",
                $"The database is at schema version {readiness.SchemaVersion}; this build expects {Migrator.LatestVersion}.");
        // Every data request would be a 503 no-data: a load balancer must not send this instance traffic yet. The
        // background check reloads the data version, so an import turns this to 200 without a restart.
        if (readiness.DataVersion is not { } served)
            return NoDataProblem.Result();
        return TypedResults.Ok(new ReadinessResponse("ready", readiness.SchemaVersion,
            new DataVersionView(served.Id, served.ImportedAt)));
    }
}

public sealed record LivenessResponse(string Status);

public sealed record ReadinessResponse(string Status, int SchemaVersion, DataVersionView DataVersion)
{
    /// <summary>A ready instance serving the first data version, for the OpenAPI document.</summary>
    public static ReadinessResponse Example => new("ready", Migrator.LatestVersion,
        new DataVersionView(1, new DateTimeOffset(2026, 11, 21, 23, 59, 0, TimeSpan.Zero)));
}

public sealed record DataVersionView(int Id, DateTimeOffset ImportedAt);
