using Microsoft.AspNetCore.HttpLogging;

namespace DepinApi.Observability;

/// <summary>
/// Writes the request log's line of a refusal at admission (429) for at most
/// <see cref="LinesPerSecond"/> of them a second, server-wide. A refusal costs its client nothing, so one address
/// could send 40,000 a second over a few keep-alive connections, and each line (about 770 bytes) made that 30 MiB of log
/// a second. Each refusal is still counted, by limit, in the rate-limit metrics (docs/observability.md); the other
/// responses are logged as before.
/// </summary>
internal sealed class RefusalLogSampling(TimeProvider time) : IHttpLoggingInterceptor
{
    public const int LinesPerSecond = 20;

    private readonly LogLineBudget lines = new(LinesPerSecond, time);

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
    {
        if (logContext.HttpContext.Response.StatusCode == StatusCodes.Status429TooManyRequests && !lines.TryTake(out _))
            logContext.LoggingFields = HttpLoggingFields.None;
        return ValueTask.CompletedTask;
    }
}
