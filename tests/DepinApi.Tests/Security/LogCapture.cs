using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DepinApi.Tests.Security;

/// <summary>Keeps every log entry the application writes, with its structured state and scopes, as text.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string> Properties, string Scopes)
    {
        /// <summary>Everything the entry would put in a log file, in one string.</summary>
        public string AllText => $"{Category} {Message} {string.Join(" ", Properties.Select(p => p.Key + "=" + p.Value))} {Scopes}";
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, string>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                foreach (var (key, value) in pairs)
                    properties[key] = value?.ToString() ?? "";
            var scopeText = new StringBuilder();
            owner.scopes.ForEachScope((scope, text) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopePairs)
                    foreach (var (key, value) in scopePairs)
                        text.Append(key).Append('=').Append(value).Append(' ');
                else
                    text.Append(scope).Append(' ');
            }, scopeText);
            owner.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception) + " " + exception, properties, scopeText.ToString()));
        }
    }
}
