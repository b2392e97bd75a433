// What one request's log entry costs: the custom request-log middleware the API had (kept below as it was) against
// ASP.NET Core's HTTP logging with the fields the API chose, both writing JSON to the console as in production, and
// no logging at all. The pipeline is invoked directly, so the figures are the middleware's and the logger's alone:
// CPU time of the whole process (the console logger formats on its own thread) and bytes allocated, per request.
// `dotnet run -c Release -- none|custom|httplogging > /dev/null` prints its line on stderr.
using System.Diagnostics;
using System.Text.RegularExpressions;
using DepinApi.Security;
using Microsoft.AspNetCore.HttpLogging;

var mode = args.FirstOrDefault() ?? "httplogging";
const int Requests = 200_000;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Information);
builder.Services.AddHttpLogging(logging =>
{
    logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                            | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    logging.CombineLogs = true;
});
var app = builder.Build();
var pipeline = (IApplicationBuilder)app;
if (mode == "custom") pipeline.UseMiddleware<OldRequestLogMiddleware>();
if (mode == "httplogging")
{
    pipeline.UseMiddleware<RequestIdMiddleware>();
    pipeline.UseHttpLogging();
}
pipeline.Run(context =>
{
    context.Response.StatusCode = 200;
    return Task.CompletedTask;
});
var handle = pipeline.Build();

async Task Run(int count)
{
    for (var i = 0; i < count; i++)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/v1/projects/helium/revenue";
        context.Request.QueryString = new QueryString("?limit=10");
        await handle(context);
    }
}

await Run(20_000);
await Task.Delay(500);
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var allocated = GC.GetTotalAllocatedBytes(precise: true);
var started = Stopwatch.GetTimestamp();
await Run(Requests);
var wall = Stopwatch.GetElapsedTime(started);
// The console logger's queue drains on its own thread: wait for it, so its work is counted.
await app.DisposeAsync();
var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Requests;
var bytesPerRequest = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)Requests;
Console.Error.WriteLine($"{mode}: {cpuPerRequest:0.00} µs CPU, {bytesPerRequest:0} B allocated, {wall.TotalMicroseconds / Requests:0.00} µs wall per request");

/// <summary>The API's request-log middleware before ASP.NET Core's HTTP logging replaced it, unchanged.</summary>
public sealed partial class OldRequestLogMiddleware(RequestDelegate next, ILogger<OldRequestLogMiddleware> logger)
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
