using System.Net;
using DepinApi.Observability;

namespace DepinApi.Security;

/// <summary>
/// Counts each connection closed unread at a connection limit (<c>depin.connections.refused</c>) and logs at most
/// <see cref="LinesPerSecond"/> of them a second, server-wide. A refused connection costs its client nothing, so a line
/// for each (Kestrel's own, about 530 bytes) let a client that keeps reconnecting write megabytes of log a minute.
/// </summary>
public sealed partial class ConnectionRefusals(ILogger<ConnectionRefusals> logger, TimeProvider time, DepinMetrics? metrics = null)
{
    public const int LinesPerSecond = 5;

    private readonly LogLineBudget lines = new(LinesPerSecond, time);

    public void Refused(string reason, EndPoint? remote)
    {
        metrics?.ConnectionRefused(reason);
        if (lines.TryTake(out var skipped))
            LogRefused(logger, reason, remote?.ToString() ?? "unknown", skipped);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Connection from {Remote} closed unread: {Reason} ({Unlogged} more refused since the last line)")]
    private static partial void LogRefused(ILogger logger, string reason, string remote, long unlogged);
}
