using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DepinApi.Health;

/// <summary>
/// Keeps the latest readiness report, published by ASP.NET Core's health check publisher, so that
/// <c>/readyz</c> answers from memory: a flood of probes costs no database connection. When the database answers
/// again after it did not, the reader pool is cleared: its idle connections were opened before the outage and are
/// broken, and each would otherwise fail one client's request before the pool found it out.
/// </summary>
public sealed class ReadinessState(ILogger<ReadinessState> logger, IServiceProvider services) : IHealthCheckPublisher
{
    private readonly TaskCompletionSource<Readiness> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Readiness? latest;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var readiness = report.Entries.TryGetValue(DatabaseReadinessCheck.Name, out var entry)
            ? Readiness.Of(entry)
            : Readiness.Unavailable;
        var previous = latest;
        // Before the finding is published: once /readyz says ready, no request may meet a connection the outage broke.
        // Resolved only now: the data source exists once start-up has located the database, after this publisher.
        if (previous is { Reachable: false } && readiness.Reachable)
            services.GetRequiredService<NpgsqlDataSource>().Clear();
        latest = readiness;
        first.TrySetResult(readiness);
        // Logged when readiness changes, not at every check (once a second): an empty database stays not ready until
        // an import, an outage until the database answers. The first finding is logged when it is not ready, so that
        // a server started over an empty database says why it refuses traffic.
        if (readiness.NotReadyReason is { } reason)
        {
            if (previous is null || previous.IsReady)
                logger.LogWarning("Not ready: {Reason}.", reason);
        }
        else if (previous is { IsReady: false })
        {
            logger.LogInformation("Ready again: the database answers, its schema is current and it serves data version {DataVersion}.",
                readiness.DataVersion!.Id);
        }
        return Task.CompletedTask;
    }

    /// <summary>The latest finding; just after start-up, waits (at most <paramref name="patience"/>) for the first.</summary>
    public async Task<Readiness> CurrentAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        if (latest is { } known)
            return known;
        try
        {
            return await first.Task.WaitAsync(patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            return Readiness.Unavailable;
        }
    }
}
