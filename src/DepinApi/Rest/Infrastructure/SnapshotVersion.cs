using DepinApi.Database;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The newest data version a request's snapshot saw. A server reading a standby learns of a new version by polling,
/// so its snapshot can be ahead of the tracker for up to a poll interval; the ETag and the output-cache key must then
/// follow the data, not the tracker.
/// </summary>
internal sealed record SnapshotVersion(DataVersionInfo Latest)
{
    public static DataVersionInfo? Of(HttpContext http) => http.Features.Get<SnapshotVersion>()?.Latest;
}
