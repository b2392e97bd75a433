using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>
/// Measures the processor time the current thread spends, so that a per-document time bound stays meaningful
/// while other builds and test classes load the machine (wall time then says more about the neighbours than
/// about the document). Falls back to wall time where the thread clock is unavailable (not Linux) or when the
/// work moved to another thread between start and stop.
/// </summary>
internal sealed class ThreadCpuStopwatch
{
    private const int ClockThreadCpuTimeId = 3;

    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private readonly TimeSpan? _cpuStart = ThreadCpuTime();

    /// <summary>Thread processor time since construction, or wall time when that cannot be had.</summary>
    public TimeSpan Elapsed =>
        _cpuStart is { } start && Environment.CurrentManagedThreadId == _threadId && ThreadCpuTime() is { } now
            ? now - start
            : _wall.Elapsed;

    /// <summary>Whether <see cref="Elapsed"/> is processor time rather than wall time.</summary>
    public bool MeasuresCpu => _cpuStart is not null && Environment.CurrentManagedThreadId == _threadId;

    private static TimeSpan? ThreadCpuTime()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out var time) == 0
                ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100)
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
