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
                if (activity.TagObjects.Any(tag => tag.Value as string == database))
                    _sent.Add(activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => _sent.Count;

    public void Clear() => _sent.Clear();

    public void Dispose() => _listener.Dispose();
}
