using System.Diagnostics;
using System.Globalization;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// Says on every executed response how it was executed and how long that took, in a <c>Server-Timing</c> header
/// (<c>exec;desc="compiled";dur=0.8</c> or <c>desc="resolvers"</c>): what a client needs to see why one query is
/// faster than another, in the browser's network panel too.
/// </summary>
internal sealed class ExecutionTiming : IGraphQLRequestInterceptor
{
    private static readonly object StartedKey = new();
    private static readonly object CompiledKey = new();

    /// <summary>Records whether the compiled path answers this request.</summary>
    public static void MarkCompiled(HttpContext http, bool compiled)
    {
        if (compiled) http.Items[CompiledKey] = true;
        else http.Items.Remove(CompiledKey);
    }

    public ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        context.HttpContext.Items[StartedKey] = Stopwatch.GetTimestamp();
        return ValueTask.CompletedTask;
    }

    public ValueTask OnResultAsync(GraphQLRequestContext context, ExecutionResult result)
    {
        var http = context.HttpContext;
        if (http.Items.TryGetValue(StartedKey, out var started) && started is long timestamp && context.Rejection is null)
        {
            var path = http.Items.ContainsKey(CompiledKey) ? "compiled" : "resolvers";
            var milliseconds = Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;
            http.Response.Headers.Append("Server-Timing",
                string.Create(CultureInfo.InvariantCulture, $"exec;desc=\"{path}\";dur={milliseconds:0.###}"));
        }
        return ValueTask.CompletedTask;
    }
}
