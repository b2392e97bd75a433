using DepinApi.Database;
using DepinApi.Errors;
using Npgsql;

namespace DepinApi.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers and is current).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new LivenessResponse("ok")))
            .WithName("Liveness").WithTags("Health").WithSummary("The process is up.")
            .WithDescription("Answers 200 while the process runs, whatever the state of the database. Not rate limited. " +
                "Use it as a liveness probe; use /readyz to decide whether to send traffic.")
            .Produces<LivenessResponse>();
        app.MapGet("/readyz", ReadinessAsync)
            .WithName("Readiness").WithTags("Health")
            .WithSummary("The database is reachable, its schema is current, and which data version is served.")
            .WithDescription("Answers 200 with the schema version and the data version being served when the database " +
                "answers within the command timeout and its schema is the one this build expects; otherwise 503 " +
                "problem+json (database-unavailable or schema-not-current). Not rate limited.")
            .Produces<ReadinessResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> ReadinessAsync(NpgsqlDataSource dataSource, DataVersionTracker tracker,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        int schemaVersion;
        DataVersionInfo? dataVersion;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            schemaVersion = await Migrator.CurrentVersionAsync(connection, cancellationToken);
            dataVersion = await tracker.ReloadAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // The driver's message names hosts and ports: it goes to the log, not to an anonymous client.
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning(e, "Readiness check: the database did not answer.");
            return Problems.ServiceUnavailable("database-unavailable", "The database is unreachable.",
                "The database did not answer the readiness check; this instance is not serving data until it does.");
        }
        if (schemaVersion != Migrator.LatestVersion)
            return Problems.ServiceUnavailable("schema-not-current", "The database schema is not current.",
                $"The database is at schema version {schemaVersion}; this build expects {Migrator.LatestVersion}.");
        return TypedResults.Ok(new ReadinessResponse("ready", schemaVersion,
            dataVersion is null ? null : new DataVersionView(dataVersion.Id, dataVersion.ImportedAt)));
    }
}

public sealed record LivenessResponse(string Status);

public sealed record ReadinessResponse(string Status, int SchemaVersion, DataVersionView? DataVersion)
{
    /// <summary>A ready instance serving the first data version, for the OpenAPI document.</summary>
    public static ReadinessResponse Example => new("ready", Migrator.LatestVersion,
        new DataVersionView(1, new DateTimeOffset(2026, 11, 21, 23, 59, 0, TimeSpan.Zero)));
}

public sealed record DataVersionView(int Id, DateTimeOffset ImportedAt);
