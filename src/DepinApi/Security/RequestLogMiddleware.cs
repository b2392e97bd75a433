using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DepinApi.Security;

/// <summary>
/// Gives every request an id, returns it as <c>X-Request-Id</c>, and writes one structured log
/// line per request (method, path, status, duration) inside a scope carrying the id.
/// </summary>
/// <remarks>
/// An id sent by a proxy in front is kept when it looks like one, so the proxy's logs and ours
/// line up; anything else is replaced, so a client cannot inject text into the logs. Neither
/// headers nor the query string are logged: they can carry API keys.
/// </remarks>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers[HeaderName] is [{ } offered] && SaneId().IsMatch(offered))
            context.TraceIdentifier = offered;
        var requestId = context.TraceIdentifier;
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            context.Response.Headers[HeaderName] = context.TraceIdentifier;
            return Task.CompletedTask;
        }, context);

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
            logger.LogInformation("{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms",
                context.Request.Method, context.Request.Path.Value, status, elapsed);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SaneId();
}
