using DepinApi.Fairness;
using DepinApi.RateLimiting;
using DepinApi.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>Marks an endpoint whose response is built whole before it is sent (see <see cref="ReadThenWriteMiddleware"/>).</summary>
public sealed class BufferedResponse
{
    public static readonly BufferedResponse Metadata = new();

    private BufferedResponse()
    {
    }
}

/// <summary>
/// Builds a REST response whole, inside its read snapshot, then returns the database session to
/// the pool, and only then writes to the client. A client that reads slowly therefore holds a
/// buffer (memory up to <see cref="RestOptions.ResponseBufferMemoryBytes"/>, a temporary file
/// beyond), never a Postgres connection. A response that would exceed
/// <see cref="RestOptions.MaxResponseBytes"/> is abandoned as soon as it does and answered with
/// a 400 response-too-large problem instead. A built response is charged by its size
/// (<see cref="RestOptions.BytesPerPoint"/>), plus work beyond its bytes (<see cref="WorkCharge"/>: painting a PNG, scanning figures for a search), before it is sent.
/// The build is written into the buffer in steps of <see cref="ServerOptions.BuildStepBytes"/>, between which it gives
/// its build turn to a waiting newcomer (<see cref="BuildSlot.GiveWayAsync"/>).
/// </summary>
public sealed class ReadThenWriteMiddleware(RequestDelegate next, IOptions<RestOptions> options, IOptions<ServerOptions> server)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<BufferedResponse>() is null)
        {
            await next(http);
            return;
        }

        var settings = options.Value;
        var sessions = new RequestReadSessions();
        http.Features.Set(sessions);
        var client = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        // Between two steps of the build, a newcomer waiting for a turn gets this one (see BuildSlot.GiveWayAsync).
        await using var buffer = new BoundedResponseStream(settings.ResponseBufferMemoryBytes, settings.MaxResponseBytes,
            server.Value.BuildStepBytes, cancellationToken => BuildSlot.Of(http)?.GiveWayAsync(cancellationToken) ?? ValueTask.CompletedTask);
        var buffered = new StreamResponseBodyFeature(buffer, client);
        http.Features.Set<IHttpResponseBodyFeature>(buffered);
        var tooLarge = false;
        try
        {
            await next(http);
            // Moves whatever the result left in the body's PipeWriter into the buffer.
            await buffered.CompleteAsync();
        }
        catch (RestResponseTooLargeException)
        {
            tooLarge = true;
        }
        finally
        {
            await sessions.CloseAllAsync();
            http.Features.Set(client);
        }

        if (tooLarge)
        {
            DropRepresentationHeaders(http.Response);
            await RestProblems.ResponseTooLarge(settings.MaxResponseBytes).ExecuteAsync(http);
            return;
        }
        if (!await ChargeForSizeAsync(http, buffer.Length, settings.BytesPerPoint))
        {
            DropRepresentationHeaders(http.Response);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await RateLimitRejection.WriteAsync(http);
            return;
        }
        // An empty error (a 404 the endpoint's own middleware wrote without a body) is left without a length, so that the
        // status-code pages give it its problem body.
        var emptyError = buffer.Length == 0 && http.Response.StatusCode >= StatusCodes.Status400BadRequest;
        if (http.Response.StatusCode != StatusCodes.Status304NotModified && http.Request.Method != HttpMethods.Head && !emptyError)
            http.Response.ContentLength = buffer.Length;
        await buffer.DrainAsync(http.Response.BodyWriter, http.RequestAborted);
    }

    /// <summary>
    /// Charges a built response one point per started <paramref name="bytesPerPoint"/> bytes in all, possibly taking
    /// the client's balance below zero (it waits until the balance refills above zero). Refused only when the
    /// client's other requests spent the balance while this one was built: then the response is not sent, and there
    /// is nothing left to spend.
    /// </summary>
    private static ValueTask<bool> ChargeForSizeAsync(HttpContext http, long length, int bytesPerPoint) =>
        http.Response.StatusCode != StatusCodes.Status200OK
            ? ValueTask.FromResult(true)
            : SizeCharge.ChargeAsync(http, SizeCharge.PointsFor(length, bytesPerPoint) + WorkCharge.Of(http));

    // The abandoned result set them to describe itself, not the problem that replaces it; CORS and rate-limit
    // headers stay.
    private static void DropRepresentationHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.Remove(HeaderNames.ETag);
        headers.Remove(HeaderNames.CacheControl);
        headers.Remove(HeaderNames.ContentDisposition);
        headers.Remove(HeaderNames.ContentType);
        response.ContentLength = null;
    }
}
