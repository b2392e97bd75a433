namespace DepinApi.Observability;

/// <summary>
/// A budget of log lines a second, server-wide, for events a client can cause for free (refusals): the first
/// <c>linesPerSecond</c> of each clock second are written, the rest counted, so that a flood cannot fill the disk with
/// the same line. One home for the 429s' request-log sampling and the connection refusals' warnings.
/// </summary>
internal sealed class LogLineBudget(int linesPerSecond, TimeProvider time)
{
    private readonly Lock gate = new();
    private long second = -1;
    private int written;
    private long unwritten;

    /// <summary>
    /// True when this event's line may be written; <paramref name="skipped"/> is then how many events went unwritten
    /// since the last line that was.
    /// </summary>
    public bool TryTake(out long skipped)
    {
        var now = time.GetTimestamp() / time.TimestampFrequency;
        lock (gate)
        {
            if (now != second)
            {
                second = now;
                written = 0;
            }
            if (++written > linesPerSecond)
            {
                unwritten++;
                skipped = 0;
                return false;
            }
            skipped = unwritten;
            unwritten = 0;
            return true;
        }
    }
}
