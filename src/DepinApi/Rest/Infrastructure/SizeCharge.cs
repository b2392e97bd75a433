using DepinApi.RateLimiting;

namespace DepinApi.Rest.Infrastructure;

/// <summary>What a response costs for its bytes (<see cref="RestOptions.BytesPerPoint"/>), wherever it comes from.</summary>
public static class SizeCharge
{
    /// <summary>One point per started <paramref name="bytesPerPoint"/> bytes, at least 1 (0 or less: always 1).</summary>
    public static long PointsFor(long bytes, int bytesPerPoint) =>
        bytesPerPoint <= 0 ? 1 : Math.Max(1, (bytes + bytesPerPoint - 1) / bytesPerPoint);

    /// <summary>
    /// Charges the request <paramref name="points"/> in all (its admission point among them: 1 or less adds nothing),
    /// possibly into debt; false when the client's other requests spent the budget meanwhile, and then nothing is sent.
    /// </summary>
    public static async ValueTask<bool> ChargeAsync(HttpContext http, long points) =>
        points <= 1 || (await http.RequestServices.GetRequiredService<IRateLimitLedger>().ChargeRequestAsync(http, points)).Admitted;
}
