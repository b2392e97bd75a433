using System.Text.RegularExpressions;

namespace DepinApi.Security;

/// <summary>
/// Gives every request an id and returns it as <c>X-Request-Id</c>; every log entry of the request carries it in a scope
/// (ASP.NET Core's own for the server's id, one opened here for an id taken from a proxy), so the request's log entry
/// (ASP.NET Core's HTTP logging, placed right after this) and anything logged while it runs can be found by it.
/// </summary>
/// <remarks>
/// An id sent by a proxy in front is kept when it looks like one, so the proxy's logs and ours line up; anything else
/// is replaced, so a client cannot inject text into the logs.
/// </remarks>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var adopted = context.Request.Headers[HeaderName] is [{ } offered] && SaneId().IsMatch(offered) ? offered : null;
        if (adopted is not null)
            context.TraceIdentifier = adopted;
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            context.Response.Headers[HeaderName] = context.TraceIdentifier;
            return Task.CompletedTask;
        }, context);

        // ASP.NET Core's own scope of the request already carries the server's id as RequestId; a scope of ours is
        // needed only for an id taken from a proxy, which that scope, opened before, does not know. (One scope fewer on
        // every log entry: docs/performance.md, *Means*.)
        using var scope = adopted is null ? null : RequestIdScope(logger, adopted);
        await next(context);
    }

    // A defined scope rather than a dictionary: it has a text ("RequestId:…"), which the console formats print where
    // a dictionary printed its type name, besides the RequestId field the JSON format writes.
    private static readonly Func<ILogger, string, IDisposable?> RequestIdScope = LoggerMessage.DefineScope<string>("RequestId:{RequestId}");

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SaneId();
}
