using System.Globalization;
using System.Threading.RateLimiting;
using DepinApi.Errors;
using DepinApi.Fairness;
using DepinApi.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Admission to whole-series exports (a series as one CSV, without <c>limit</c>), the heaviest thing the REST API
/// builds: thousands of rows, a database session and a core for as long as it takes. The point budget charges them by
/// size only once they are built, so without this many clients could start as many at once as their concurrency
/// limits allow and take the database pool and the cores from everyone. Built from the framework's limiters: each
/// client may have one export under way, and the server builds <see cref="RestOptions.ConcurrentBulkExports"/> at a
/// time, the others waiting in order, before any database session is opened, for at most
/// <see cref="RestOptions.BulkExportWaitSeconds"/>.
/// </summary>
public sealed class BulkExports : IDisposable
{
    private readonly RestOptions _options;
    private readonly ConcurrencyLimiter _server;
    private readonly PartitionedRateLimiter<string> _perClient = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetConcurrencyLimiter(client, _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 }));

    public BulkExports(IOptions<RestOptions> options)
    {
        _options = options.Value;
        _server = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.ConcurrentBulkExports),
            QueueLimit = Math.Max(0, _options.BulkExportQueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>
    /// Waits for a turn. Null when the export may run (its turn ends with <paramref name="releaseAfterBuild"/>);
    /// otherwise the answer to send instead: 429 when the client has an export under way, 503 when the server's queue
    /// is full or the turn did not come in time.
    /// </summary>
    public async Task<ProblemHttpResult?> AwaitTurnAsync(HttpContext http, Action<IAsyncDisposable> releaseAfterBuild,
        CancellationToken cancellationToken)
    {
        var own = _perClient.AttemptAcquire(RequestCharge.PartitionKeyOf(http));
        if (!own.IsAcquired)
        {
            own.Dispose();
            return RateLimitRejection.Refuse(http, RefusalLimits.ConcurrentBulkExports,
                $"{RequestCharge.Of(http)?.Client.SentenceSubject ?? "This client"} already has a whole-series export under " +
                "way, the most allowed at once; retry when it has finished, or ask for pages with `limit`.", retryAfterSeconds: 1);
        }

        // Waiting for an export's turn is no building: the build turn goes to others meanwhile, and is taken again after.
        var slot = BuildSlot.Of(http);
        slot?.Release();
        RateLimitLease? turn = null;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, _options.BulkExportWaitSeconds)));
        try
        {
            turn = await _server.AcquireAsync(1, patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        if (turn is not { IsAcquired: true })
        {
            turn?.Dispose();
            own.Dispose();
            var wait = Math.Max(1, _options.BulkExportWaitSeconds).ToString(CultureInfo.InvariantCulture);
            http.Response.Headers.RetryAfter = wait;
            return Problems.ServiceUnavailable("exports-busy", "Whole-series exports are busy.",
                $"Other whole-series exports kept this one waiting longer than {wait} s; retry later, or ask for pages " +
                "with `limit`, which do not wait.");
        }
        try
        {
            if (slot is not null && !await slot.TryRetakeAsync(cancellationToken))
            {
                turn.Dispose();
                own.Dispose();
                return FairBuildMiddleware.Refusal(http, http.RequestServices.GetRequiredService<FairBuildGate>().WaitSeconds);
            }
        }
        catch
        {
            turn.Dispose();
            own.Dispose();
            throw;
        }
        releaseAfterBuild(new Turn(turn, own));
        return null;
    }

    public void Dispose()
    {
        _server.Dispose();
        _perClient.Dispose();
    }

    private sealed class Turn(RateLimitLease server, RateLimitLease client) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            server.Dispose();
            client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
