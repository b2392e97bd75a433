namespace DepinApi.Hosting;

/// <summary>
/// When <see cref="IdleMemoryRelease"/> releases, told once per interval how many young collections the runtime has
/// run and how much memory the heap holds: on the first interval without a collection after one with some, and only
/// when the heap has grown by the threshold since the last release.
/// </summary>
public sealed class IdleReleaseSchedule(long releaseAboveBytes, int collectionsAtStart)
{
    private int collections = collectionsAtStart;
    private bool released = true;
    private long keptAtLastRelease;

    /// <summary>Whether to release now, after an interval that ended with these counts.</summary>
    public bool IsDue(int youngCollections, long committedBytes)
    {
        var quiet = youngCollections == collections;
        collections = youngCollections;
        if (!quiet)
        {
            released = false;
            return false;
        }
        if (released)
            return false;
        // At most once per quiet spell, whether or not the growth was worth a release.
        released = true;
        // Measured against what the last release kept, not against the live heap the last collection found:
        // that collection is usually of the young generations only, which counts whatever the old generation
        // and the large-object heap hold as live, dead or not. After a flood of large responses the gap it
        // showed was 22 MB while a full collection gave back 66 MB (docs/performance.md, Means).
        return committedBytes - keptAtLastRelease >= releaseAboveBytes;
    }

    /// <summary>The release ran: its own collections are not traffic, and what it kept is the next growth's base.</summary>
    public void Released(int youngCollections, long keptBytes)
    {
        collections = youngCollections;
        keptAtLastRelease = keptBytes;
    }
}
