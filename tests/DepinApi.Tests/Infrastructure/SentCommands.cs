using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace DepinApi.Tests.Infrastructure;

/// <summary>
/// What Npgsql sends to one test database while this is alive, counted with Npgsql's own tracing: one activity per
/// command or batch sent, so a count is a count of round trips. Other tests' databases are not counted.
/// </summary>
public sealed class SentCommands : IDisposable
{
    private readonly ConcurrentBag<string> _sent = [];
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ActivityListener _listener;

    public SentCommands(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Only activities that carry a statement: Npgsql also traces work of its own that sends none of the
                // request's (once in a full run a second, empty activity came with a request's one statement).
                if (activity.GetTagItem("db.query.text") is string { Length: > 0 } text
                    && activity.TagObjects.Any(tag => tag.Value as string == database))
                {
                    _sent.Add(activity.DisplayName);
                    _texts.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => _sent.Count;

    /// <summary>The SQL of each command or batch sent (Npgsql's <c>db.query.text</c>), in the order they ended.</summary>
    public IReadOnlyList<string> Texts => [.. _texts];

    public void Clear()
    {
        _sent.Clear();
        _texts.Clear();
    }

    public void Dispose() => _listener.Dispose();
}
