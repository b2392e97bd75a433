using DepinApi.RateLimiting;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The points a request owes for work beyond its bytes (painting a PNG, scanning figures for a search), charged
/// before that work; <see cref="ReadThenWriteMiddleware"/> adds its size charge on top, as both are one total.
/// </summary>
public sealed class WorkCharge
{
    public long Points { get; private set; }

    public static void Add(HttpContext http, long points)
    {
        var charge = http.Features.Get<WorkCharge>();
        if (charge is null)
        {
            charge = new WorkCharge();
            http.Features.Set(charge);
        }
        charge.Points += points;
    }

    public static long Of(HttpContext http) => http.Features.Get<WorkCharge>()?.Points ?? 0;

    /// <summary>
    /// Adds <paramref name="points"/> of work and charges the request for it with its admission point, before the work
    /// is done; false when the client's other requests spent the budget meanwhile (answer 429, do not do the work).
    /// </summary>
    public static async ValueTask<bool> ChargeAsync(HttpContext http, long points)
    {
        Add(http, points);
        var ledger = http.RequestServices.GetRequiredService<IRateLimitLedger>();
        return (await ledger.ChargeRequestAsync(http, 1 + Of(http))).Admitted;
    }
}
