using DepinApi.Database;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The data version a request's snapshot read, and whether it was the newest. A server reading a standby learns of a
/// new version by polling, so its snapshot can be ahead of the tracker for up to a poll interval; the ETag and the
/// output-cache key must then follow the data, not the tracker.
/// </summary>
internal sealed record SnapshotVersion(DataVersionInfo Read, bool IsCurrent)
{
    /// <summary>The newest data version the snapshot saw, when it read the newest.</summary>
    public static DataVersionInfo? Of(HttpContext http) => http.Features.Get<SnapshotVersion>() is { IsCurrent: true } current ? current.Read : null;

    public static SnapshotVersion? ReadBy(HttpContext http) => http.Features.Get<SnapshotVersion>();
}
