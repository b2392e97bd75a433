using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using DepinApi.Database;
using DepinApi.Observability;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Observability;

/// <summary>The API's own meter reports what happened to the requests a test sends, and nothing it did not send.</summary>
public sealed class MeterTests
{
    [Fact]
    public async Task Import_cost_cache_and_data_version_are_measured()
    {
        using var recorder = new Recorder();
        await using var factory = await ApiFactory.WithSeedDataAsync();
        using var client = factory.CreateClient();
        recorder.Scope = factory.Services.GetRequiredService<IMeterFactory>();

        // The seed import at start-up: one duration, and every row of it added.
        var import = Assert.Single(recorder.Of("depin.import.duration"));
        Assert.Equal("imported", import.Tags["outcome"]);
        Assert.True(import.Value > 0);
        var added = recorder.Of("depin.import.rows_changed").Where(m => (string?)m.Tags["change"] == "added").ToList();
        Assert.Contains(added, m => (string?)m.Tags["table"] == "projects" && m.Value > 0);
        Assert.DoesNotContain(recorder.Of("depin.import.rows_changed"), m => (string?)m.Tags["change"] != "added");

        using var graphQL = new StringContent("""{"query":"{ projects(first: 20) { nodes { slug } } }"}""", Encoding.UTF8, "application/json");
        using var answer = await client.PostAsync("/graphql", graphQL);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var requested = body.RootElement.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64();
        Assert.Equal(requested, Assert.Single(recorder.Of("depin.graphql.cost")).Value);

        (await client.GetAsync("/v1/projects?limit=3")).Dispose();
        (await client.GetAsync("/v1/projects?limit=3")).Dispose();
        var rest = recorder.Of("depin.output_cache.lookups").Where(m => (string?)m.Tags["api"] == "rest").Select(m => (string?)m.Tags["result"]);
        Assert.Equal(["miss", "hit"], rest);

        recorder.Listener.RecordObservableInstruments();
        var version = factory.Services.GetRequiredService<DataVersionTracker>().Current!.Id;
        Assert.Equal(version, recorder.Of("depin.data_version")[^1].Value);
    }

    [Fact]
    public async Task Refusals_are_counted_by_the_limit_they_hit()
    {
        using var recorder = new Recorder();
        await using var factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Anonymous:PointsPerWindow"] = "5",
        });
        using var client = factory.CreateClient();
        recorder.Scope = factory.Services.GetRequiredService<IMeterFactory>();

        // A query costing more than the whole burst runs from a full bucket, into debt; the next request is refused.
        using var graphQL = new StringContent("""{"query":"{ projects(first: 50) { nodes { slug } } }"}""", Encoding.UTF8, "application/json");
        using var indebted = await client.PostAsync("/graphql", graphQL);
        Assert.Equal(HttpStatusCode.OK, indebted.StatusCode);
        using var refused = await client.GetAsync("/v1/meta");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        var refusal = Assert.Single(recorder.Of("depin.rate_limit.refusals"));
        Assert.Equal("points-per-window", refusal.Tags["reason"]);
        Assert.Equal(50, Assert.Single(recorder.Of("depin.graphql.cost")).Value);
    }

    private sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, object? Scope);

    /// <summary>Every measurement of every <c>DepinApi</c> meter, kept with its meter's scope (the host that made it).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly ConcurrentQueue<Measured> measured = new();

        public Recorder()
        {
            Listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DepinMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
            };
            Listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            Listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            Listener.Start();
        }

        public MeterListener Listener { get; } = new();

        /// <summary>The test's host: other tests' hosts run at the same time, with meters of the same name.</summary>
        public object? Scope { get; set; }

        public List<Measured> Of(string instrument) =>
            measured.Where(m => m.Instrument == instrument && m.Scope == Scope).ToList();

        public void Dispose() => Listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measured.Enqueue(new Measured(instrument.Name, value, new Dictionary<string, object?>(tags.ToArray()), instrument.Meter.Scope));
    }
}
