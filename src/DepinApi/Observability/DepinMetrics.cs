using System.Diagnostics.Metrics;

namespace DepinApi.Observability;

/// <summary>
/// The service's own instruments, on one meter named <see cref="MeterName"/>; ASP.NET Core, Kestrel and Npgsql bring
/// their own (request durations, connections, commands). Every name is listed in docs/observability.md.
/// </summary>
/// <remarks>
/// Created through <see cref="IMeterFactory"/>, so each host (and each test's host) has its own meter and a
/// listener can tell them apart by <see cref="Meter.Scope"/>.
/// </remarks>
public sealed class DepinMetrics
{
    public const string MeterName = "DepinApi";

    private readonly Meter meter;
    private readonly Counter<long> graphQLCost;
    private readonly Counter<long> rateLimitRefusals;
    private readonly Counter<double> refusalHolds;
    private readonly Counter<long> outputCacheLookups;
    private readonly Histogram<double> importDuration;
    private readonly Counter<long> importRows;
    private readonly Histogram<double> buildWait;
    private readonly Counter<long> connectionsRefused;
    private readonly Counter<long> connectionsClosed;

    public DepinMetrics(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(MeterName);
        graphQLCost = meter.CreateCounter<long>("depin.graphql.cost", "{point}",
            "Query cost of the GraphQL requests admitted, charged to the clients' rate-limit budgets.");
        rateLimitRefusals = meter.CreateCounter<long>("depin.rate_limit.refusals", "{request}",
            "Requests refused with 429, by the limit they hit (reason).");
        refusalHolds = meter.CreateCounter<double>("depin.rate_limit.refusal_hold", "s",
            "Time connections were held idle after a 429 to a client refused more than its burst (RateLimiting.RefusalPacing).");
        outputCacheLookups = meter.CreateCounter<long>("depin.output_cache.lookups", "{request}",
            "Output-cache lookups of cacheable requests, by API (rest, graphql) and result (hit, miss).");
        importDuration = meter.CreateHistogram<double>("depin.import.duration", "s",
            "How long a seed-data import took, by outcome (imported, unchanged, failed).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        importRows = meter.CreateCounter<long>("depin.import.rows_changed", "{row}",
            "Rows an import added, changed or removed (change), per table.");
        buildWait = meter.CreateHistogram<double>("depin.builds.wait", "s",
            "How long requests waited for a turn to be built (Fairness.FairBuildGate), by result (admitted, refused).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        connectionsRefused = meter.CreateCounter<long>("depin.connections.refused", "{connection}",
            "Connections closed unread as they were accepted, by the limit they hit (reason: per_address, connection_rate, server_full).");
        connectionsClosed = meter.CreateCounter<long>("depin.connections.closed_idle", "{connection}",
            "Idle connections the server closed (Security.IdleConnections), by reason (shed: to keep connections free; no_request: no request within Server:FirstRequestTimeoutSeconds).");
    }

    /// <summary>The meter, for listeners that want to tell this host's measurements from another's.</summary>
    public Meter Meter => meter;

    public void GraphQLCostCharged(long points) => graphQLCost.Add(points);

    public void RateLimitRefused(string reason) =>
        rateLimitRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void RefusalHeld(TimeSpan hold) => refusalHolds.Add(hold.TotalSeconds);

    public void OutputCacheLookup(string api, bool hit) =>
        outputCacheLookups.Add(1, new KeyValuePair<string, object?>("api", api), new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void Imported(TimeSpan duration, Import.ImportResult result)
    {
        var outcome = !result.Succeeded ? "failed" : result.DataVersion is null ? "unchanged" : "imported";
        importDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        if (result.DataVersion is null) return;
        foreach (var (table, counts) in result.Counts)
        {
            RowsChanged(table, "added", counts.Added);
            RowsChanged(table, "changed", counts.Changed);
            RowsChanged(table, "removed", counts.Removed);
        }
    }

    /// <summary>The data version this instance serves, read when the metrics are collected.</summary>
    public void ObserveDataVersion(Func<int?> current)
    {
        IEnumerable<Measurement<long>> Observe() => current() is { } id ? [new Measurement<long>(id)] : [];
        meter.CreateObservableGauge("depin.data_version", Observe, "{version}",
            "The data version this instance serves (absent before the first import).");
    }

    public void BuildWaited(TimeSpan waited, bool admitted) =>
        buildWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("result", admitted ? "admitted" : "refused"));

    public void ConnectionRefused(string reason) =>
        connectionsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void IdleConnectionClosed(string reason) =>
        connectionsClosed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>The turns at building responses held and waited for, read when the metrics are collected.</summary>
    public void ObserveBuilds(Func<int> inUse, Func<int> waiting)
    {
        meter.CreateObservableGauge("depin.builds.in_use", inUse, "{request}",
            "Requests being built now (holding a turn at Fairness.FairBuildGate).");
        meter.CreateObservableGauge("depin.builds.waiting", waiting, "{request}",
            "Requests waiting for a turn to be built.");
    }

    /// <summary>The instance of this request's host; null outside a host (a unit test's bare context).</summary>
    public static DepinMetrics? Of(HttpContext http) => http.RequestServices?.GetService<DepinMetrics>();

    private void RowsChanged(string table, string change, int rows)
    {
        if (rows > 0)
            importRows.Add(rows, new KeyValuePair<string, object?>("table", table), new KeyValuePair<string, object?>("change", change));
    }
}
