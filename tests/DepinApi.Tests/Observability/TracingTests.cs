using System.Diagnostics;
using System.Net;
using System.Text;
using DepinApi.Tests.Infrastructure;
using GraphQLEngine.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace DepinApi.Tests.Observability;

/// <summary>
/// With a collector configured, one GraphQL request is one trace: the HTTP server span, the GraphQL request under
/// it with a span per phase, and the database commands under the execution phase.
/// </summary>
public sealed class TracingTests
{
    [Theory]
    [InlineData("true", "operation-executor")]
    [InlineData("false", "resolvers")]
    public async Task A_GraphQL_request_is_traced_from_HTTP_through_its_phases_to_the_database(string compiled, string path)
    {
        var spans = new Spans();
        await using var factory = (await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            // Nothing listens there: the OTLP exporter's failures are its own, and the spans are read in memory.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
            ["GraphQL:CompiledExecution"] = compiled,
            ["GraphQL:CacheEnabled"] = "false",
        }))
            .WithWebHostBuilder(b => b.ConfigureTestServices(services =>
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))));
        using var client = factory.CreateClient();

        // The tracer hears every host in this process (other tests run at once): this request's trace is the one
        // it starts, as a caller that traces its own calls would send it.
        var traceId = ActivityTraceId.CreateRandom();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"query Projects { projects(first: 2) { nodes { slug } } }"}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The server span ends as the response completes, a moment after the client has it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Activity? server;
        while ((server = Find(spans, s => s.Kind == ActivityKind.Server && s.TraceId == traceId)) is null && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.NotNull(server);
        var trace = Snapshot(spans).Where(s => s.TraceId == traceId).ToList();

        var request = Assert.Single(trace, s => s.OperationName == GraphQLTelemetry.RequestSpan);
        Assert.Equal(server.SpanId, request.ParentSpanId);
        Assert.Equal("query Projects", request.DisplayName);
        Assert.Equal("Projects", request.GetTagItem("graphql.operation.name"));
        string[] phases = [GraphQLTelemetry.ParseSpan, GraphQLTelemetry.ValidateSpan, GraphQLTelemetry.CostSpan, GraphQLTelemetry.ExecuteSpan];
        Assert.Equal(phases, trace.Where(s => s.ParentSpanId == request.SpanId).OrderBy(s => s.StartTimeUtc).Select(s => s.OperationName));

        var execute = Assert.Single(trace, s => s.OperationName == GraphQLTelemetry.ExecuteSpan);
        Assert.Equal(path, execute.GetTagItem(GraphQLTelemetry.ExecutionPathTag));
        var commands = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, command => Assert.True(IsUnder(command, execute, trace), $"{command.DisplayName} is not under graphql.execute"));
        Assert.All(commands, command => Assert.Equal(ActivityKind.Client, command.Kind));
    }

    private static bool IsUnder(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
            if (current.ParentSpanId == ancestor.SpanId) return true;
        return false;
    }

    private static List<Activity> Snapshot(Spans spans) => spans.Snapshot();

    private static Activity? Find(Spans spans, Func<Activity, bool> match) => Snapshot(spans).FirstOrDefault(match);

    /// <summary>
    /// The in-memory exporter's collection, locked: the exporter adds spans from the threads that end them while the
    /// test reads, and a plain list copied mid-add throws (seen once in a CI run).
    /// </summary>
    private sealed class Spans : ICollection<Activity>
    {
        private readonly List<Activity> _spans = [];

        public int Count { get { lock (_spans) return _spans.Count; } }

        public bool IsReadOnly => false;

        public List<Activity> Snapshot() { lock (_spans) return [.. _spans]; }

        public void Add(Activity item) { lock (_spans) _spans.Add(item); }

        public void Clear() { lock (_spans) _spans.Clear(); }

        public bool Contains(Activity item) { lock (_spans) return _spans.Contains(item); }

        public void CopyTo(Activity[] array, int arrayIndex) { lock (_spans) _spans.CopyTo(array, arrayIndex); }

        public bool Remove(Activity item) { lock (_spans) return _spans.Remove(item); }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
