namespace DepinApi.Rest.Infrastructure;

/// <summary>What a response costs for its bytes (<see cref="RestOptions.BytesPerPoint"/>), wherever it comes from.</summary>
public static class SizeCharge
{
    /// <summary>One point per started <paramref name="bytesPerPoint"/> bytes, at least 1 (0 or less: always 1).</summary>
    public static long PointsFor(long bytes, int bytesPerPoint) =>
        bytesPerPoint <= 0 ? 1 : Math.Max(1, (bytes + bytesPerPoint - 1) / bytesPerPoint);
}
