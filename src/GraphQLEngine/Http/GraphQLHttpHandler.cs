using System.Globalization;
using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphQLEngine.Http;

/// <summary>
/// The request delegate behind <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string, GraphQLSchema, GraphQLHttpOptions?)"/>:
/// negotiate → receive → read → parse → validate → limits → execute → write, per the GraphQL-over-HTTP specification.
/// </summary>
internal sealed class GraphQLHttpHandler(Func<HttpContext, GraphQLSchema> schemaProvider, GraphQLHttpOptions options)
{
    private const string LoggerCategory = "GraphQLEngine.Http";

    public async Task HandleAsync(HttpContext http)
    {
        http.Response.Headers.Append("Vary", "Accept");
        var mediaType = AcceptNegotiator.Negotiate(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            http.Response.Headers.Accept = GraphQLMediaTypes.Supported;
            return;
        }

        try
        {
            var (received, failure) = await GraphQLHttpRequestReader.ReceiveAsync(http, options).ConfigureAwait(false);
            if (received is null)
            {
                await WriteAsync(http, Refused(failure!), mediaType).ConfigureAwait(false);
                return;
            }
            var interceptors = Interceptors(http);
            // Before any of it is read: reading JSON or a query string is work that grows with what was sent. So is
            // reading a body up to the size limit it then passed, which the hooks see as well.
            var receivedRequest = new GraphQLReceivedRequest(http, received.IsGet, received.Bytes, received.OverLimit);
            foreach (var interceptor in interceptors)
            {
                await interceptor.OnReceivedAsync(receivedRequest).ConfigureAwait(false);
                if (receivedRequest.Rejection is { } rejection)
                {
                    // A body over the limit is answered 413 whatever a hook says: sent again, it would be refused again.
                    var refusal = failure is null
                        ? new GraphQLHttpResponse(ExecutionResult.RequestError([rejection]), receivedRequest.RejectionStatusCode)
                        : Refused(failure);
                    await WriteAsync(http, refusal, mediaType).ConfigureAwait(false);
                    return;
                }
            }
            if (failure is not null)
            {
                await WriteAsync(http, Refused(failure), mediaType).ConfigureAwait(false);
                return;
            }
            (var request, failure) = GraphQLHttpRequestReader.Read(http, received);
            if (failure is not null)
            {
                await WriteAsync(http, Refused(failure), mediaType).ConfigureAwait(false);
                return;
            }
            var (response, body) = await RunAsync(http, request!, mediaType, interceptors).ConfigureAwait(false);
            if (body is null)
            {
                // Not modified: the status and the headers the hook set, no body.
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            using (body) await SendAsync(http, response, body, mediaType).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody to answer.
        }
        catch (BadHttpRequestException exception)
        {
            // The request broke off or broke the server's limits while its body was read (cut short, too slow,
            // too large): the client's doing, answered with the server's own status and not logged as a failure.
            Logger(http).LogInformation("GraphQL request body could not be read: {Message}", exception.Message);
            if (http.Response.HasStarted || http.RequestAborted.IsCancellationRequested) return;
            http.Response.Clear();
            await WriteAsync(http, new GraphQLHttpResponse(RequestError(exception.Message, RequestReadFailure.CodeOf(exception.StatusCode)),
                    exception.StatusCode), mediaType)
                .ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Logger(http).LogError(exception, "GraphQL request failed unexpectedly.");
            if (http.Response.HasStarted) return;
            http.Response.Clear();
            await WriteAsync(http, new GraphQLHttpResponse(RequestError(ExecutionOptions.UnexpectedErrorMessage), 500), mediaType)
                .ConfigureAwait(false);
        }
    }

    private static GraphQLHttpResponse Refused(RequestReadFailure failure) =>
        new(RequestError(failure.Message, failure.Code), failure.StatusCode, Allow: failure.Allow, AcceptEncoding: failure.AcceptEncoding);

    /// <summary>The response and its body; no body when a hook answered 304 (<see cref="GraphQLRequestContext.AnswerNotModified"/>).</summary>
    private async Task<(GraphQLHttpResponse Response, ResultBody? Body)> RunAsync(HttpContext http, GraphQLHttpRequest request, string mediaType,
        IReadOnlyList<IGraphQLRequestInterceptor> interceptors)
    {
        using var span = GraphQLTelemetry.Start(GraphQLTelemetry.RequestSpan);
        var context = new GraphQLRequestContext(http, schemaProvider(http), request, mediaType);
        var refused = await PrepareAsync(context, interceptors).ConfigureAwait(false);
        if (context.IsNotModified)
        {
            GraphQLTelemetry.DescribeOperation(span, context.Operation);
            return (refused!, null);
        }
        var response = refused is null
            ? await ExecuteAsync(context).ConfigureAwait(false)
            : refused with { Result = RefusalErrors.Fit(refused.Result, options.MaxRefusalErrorBytes) };
        GraphQLTelemetry.DescribeOperation(span, context.Operation);
        if (!response.Result.HasData) GraphQLTelemetry.Fail(span, "request error");

        // Written before the hooks see the result, so that they see (and cache, and charge for) what is sent.
        var body = ResultBody.TryStart(response.Result, options.MaxResponseBytes);
        if (body is null)
        {
            response = TooLarge();
            body = ResultBody.TryStart(response.Result, 0)!;
        }
        try
        {
            foreach (var interceptor in interceptors)
                await interceptor.OnResultAsync(context, response.Result).ConfigureAwait(false);
            LogUnexpectedErrors(http, response.Result);
            body.Finish(response.Result);
            return (response, body);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Everything before execution; a response when the request stops here, else null.</summary>
    private async Task<GraphQLHttpResponse?> PrepareAsync(GraphQLRequestContext context, IReadOnlyList<IGraphQLRequestInterceptor> interceptors)
    {
        foreach (var interceptor in interceptors)
        {
            await interceptor.OnRequestAsync(context).ConfigureAwait(false);
            if (Refusal(context) is { } refused) return refused;
        }

        var request = context.Request;
        if (QueryLength.Exceeding(request.Query, options.MaxQueryLength) is { } length)
        {
            return new GraphQLHttpResponse(ExecutionResult.RequestError([new GraphQLError(
                $"The query is {Format(length)} characters long, which exceeds the maximum of {Format(options.MaxQueryLength)} by {Format(length - options.MaxQueryLength)}.",
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = "QUERY_TOO_LONG",
                    ["limit"] = options.MaxQueryLength,
                    ["actual"] = length,
                })]));
        }

        using (var parse = GraphQLTelemetry.Start(GraphQLTelemetry.ParseSpan))
        {
            try
            {
                context.Document = options.DocumentCache.Parse(request.Query, options.Parse);
            }
            catch (GraphQLSyntaxError syntaxError)
            {
                GraphQLTelemetry.Fail(parse, "syntax error");
                return new GraphQLHttpResponse(ExecutionResult.RequestError([new GraphQLError(
                    syntaxError.Message, locations: [new ErrorLocation(syntaxError.Line, syntaxError.Column)])]));
            }
        }

        using (var validate = GraphQLTelemetry.Start(GraphQLTelemetry.ValidateSpan))
        {
            var validationErrors = options.ValidationCache.Validate(
                context.Schema, request.Query, context.Document, options.ValidationRules, options.MaxValidationErrors);
            if (validationErrors.Count > 0)
            {
                GraphQLTelemetry.Fail(validate, "invalid document");
                return new GraphQLHttpResponse(ExecutionResult.RequestError(validationErrors));
            }
        }

        // Once for the analysis, the hooks and execution alike. Variables that are not an object never get here:
        // the request reader refuses them.
        var (prepared, operationError) = PreparedOperation.Prepare(
            context.Schema, context.Document, request.OperationName, request.Variables, ExecutionOptions.Default.MaxCoercionErrors);
        context.Prepared = prepared;
        context.Operation = prepared?.Operation;
        if (request.IsGet && context.Operation is { Operation: not OperationType.Query } operation)
        {
            // Only queries are safe; GET must not change anything, and caches may replay it.
            return new GraphQLHttpResponse(
                ExecutionResult.RequestError([new GraphQLError(
                    $"Cannot perform {operation.Operation.ToString().ToLowerInvariant()} operations over GET; use POST.", [operation],
                    extensions: new Dictionary<string, object?> { ["code"] = RequestReadFailure.CodeOf(StatusCodes.Status405MethodNotAllowed) })]),
                StatusCodes.Status405MethodNotAllowed,
                Allow: "POST");
        }

        // Variables that do not coerce are the request's error, whatever its cost: a page size the measure would read
        // from one is not a number it can trust.
        if (prepared?.VariableErrors is { } variableErrors) return new GraphQLHttpResponse(ExecutionResult.RequestError(variableErrors));

        using (var cost = GraphQLTelemetry.Start(GraphQLTelemetry.CostSpan))
        {
            context.Analysis = prepared is null
                ? QueryAnalysis.Empty
                : QueryAnalyzer.AnalyzePrepared(context.Schema, context.Document, prepared, VariablesForAnalysis(request.Variables), options.Limits);
            cost?.SetTag("graphql.cost.requested", context.Analysis.RequestedQueryCost);
            if (!context.Analysis.IsAllowed)
            {
                GraphQLTelemetry.Fail(cost, "over a limit");
                return new GraphQLHttpResponse(ExecutionResult.RequestError(context.Analysis.Errors));
            }
        }
        // The request errors execution would begin with, answered before the hooks that charge for execution run.
        if (prepared is null) return new GraphQLHttpResponse(ExecutionResult.RequestError([operationError!]));

        foreach (var interceptor in interceptors)
        {
            await interceptor.OnExecutingAsync(context).ConfigureAwait(false);
            if (Refusal(context) is { } refused) return refused;
            if (context.IsNotModified) return new GraphQLHttpResponse(ExecutionResult.RequestError([]), StatusCodes.Status304NotModified);
        }
        return null;
    }

    private async Task<GraphQLHttpResponse> ExecuteAsync(GraphQLRequestContext context)
    {
        var http = context.HttpContext;
        using var span = GraphQLTelemetry.Start(GraphQLTelemetry.ExecuteSpan);
        using var timeout = options.ExecutionTimeout is { } limit ? new CancellationTokenSource(limit) : null;
        using var linked = timeout is null
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, timeout.Token);
        context.StartExecution(options.ExecutionTimeout);
        var failureFilter = options.RequestFailure;
        try
        {
            context.UserContext = options.UserContextFactory is { } factory ? await factory(http).ConfigureAwait(false) : null;
            var request = new ExecutionRequest
            {
                Schema = context.Schema,
                Document = context.Document!,
                OperationName = context.Request.OperationName,
                VariableValues = context.Request.Variables,
                Prepared = context.Prepared,
                UserContext = context.UserContext,
                RequestServices = http.RequestServices,
                CancellationToken = linked?.Token ?? http.RequestAborted,
                Options = new ExecutionOptions
                {
                    MaskUnexpectedErrors = options.MaskUnexpectedErrors,
                    AbortsExecution = failureFilter is null ? null : exception => failureFilter(http, exception) is not null,
                },
            };
            var result = await TryWholeOperationAsync(context, request, span).ConfigureAwait(false);
            if (result is null)
            {
                span?.SetTag(GraphQLTelemetry.ExecutionPathTag, GraphQLTelemetry.ResolversPath);
                result = await Executor.ExecuteAsync(request).ConfigureAwait(false);
            }
            return new GraphQLHttpResponse(result);
        }
        // Whatever the timeout's cancellation surfaced as (a cancelled database command may report itself either way).
        catch (Exception) when (timeout is { IsCancellationRequested: true } && !http.RequestAborted.IsCancellationRequested)
        {
            return new GraphQLHttpResponse(
                RequestError(
                    $"The operation did not complete within the execution timeout of {Format((long)options.ExecutionTimeout!.Value.TotalMilliseconds)} ms.",
                    "EXECUTION_TIMEOUT"),
                GraphQLResponseStatusCode: StatusCodes.Status504GatewayTimeout);
        }
        catch (ResponseTooLargeException)
        {
            // An executor that measured its answer before building it (e.g. the size of what a database returned).
            return TooLarge();
        }
        catch (Exception exception) when (!http.RequestAborted.IsCancellationRequested && failureFilter?.Invoke(http, exception) is { } failure)
        {
            // The exception text can name hosts and ports: it is logged, not sent.
            Logger(http).LogWarning("GraphQL request answered {StatusCode} as a whole: {Error}", failure.StatusCode, exception.GetBaseException().Message);
            return new GraphQLHttpResponse(ExecutionResult.RequestError([failure.Error]), failure.StatusCode, RetryAfter: failure.RetryAfter);
        }
        finally
        {
            // Before the response is written: a slow reader must not hold what execution used.
            await DisposeAsync(http, context.UserContext).ConfigureAwait(false);
        }
    }

    private static async ValueTask DisposeAsync(HttpContext http, object? userContext)
    {
        try
        {
            if (userContext is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else if (userContext is IDisposable disposable) disposable.Dispose();
        }
        catch (Exception exception)
        {
            // The result is complete; releasing what built it (say, a connection the failure broke) must not replace it.
            Logger(http).LogWarning(exception, "Disposing the GraphQL user context failed.");
        }
    }

    private GraphQLHttpResponse TooLarge() => new(RequestError(
        $"The response would be larger than the maximum of {Format(options.MaxResponseBytes)} bytes; select fewer fields or smaller pages.",
        "RESPONSE_TOO_LARGE"));

    /// <summary>The result of the first <see cref="IGraphQLOperationExecutor"/> that answers the whole operation, if any does.</summary>
    private static async ValueTask<ExecutionResult?> TryWholeOperationAsync(GraphQLRequestContext context, ExecutionRequest request, System.Diagnostics.Activity? span)
    {
        var executors = context.HttpContext.RequestServices?.GetServices<IGraphQLOperationExecutor>();
        if (executors is null) return null;
        foreach (var executor in executors)
        {
            if (await executor.TryExecuteAsync(context, request).ConfigureAwait(false) is { } result)
            {
                span?.SetTag(GraphQLTelemetry.ExecutionPathTag, GraphQLTelemetry.OperationExecutorPath);
                span?.SetTag(GraphQLTelemetry.ExecutorTag, executor.GetType().Name);
                return result;
            }
        }
        return null;
    }

    private static GraphQLHttpResponse? Refusal(GraphQLRequestContext context) => context.Rejection switch
    {
        null => null,
        var error when context.RejectionHasNullData => new GraphQLHttpResponse(ExecutionResult.NullData([error])),
        var error => new GraphQLHttpResponse(ExecutionResult.RequestError([error]), context.RejectionStatusCode),
    };

    /// <summary>Writes a small response of the endpoint's own (a refusal before any hook ran).</summary>
    private static async Task WriteAsync(HttpContext http, GraphQLHttpResponse response, string mediaType)
    {
        using var body = ResultBody.TryStart(response.Result, 0)!;
        body.Finish(response.Result);
        await SendAsync(http, response, body, mediaType).ConfigureAwait(false);
    }

    private static async Task SendAsync(HttpContext http, GraphQLHttpResponse response, ResultBody body, string mediaType)
    {
        http.Response.StatusCode = response.StatusFor(mediaType);
        if (response.Allow is not null) http.Response.Headers.Allow = response.Allow;
        if (response.AcceptEncoding is not null) http.Response.Headers.AcceptEncoding = response.AcceptEncoding;
        if (response.RetryAfter is { } retryAfter)
            http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = mediaType + "; charset=utf-8";
        // Written whole, so its length is known: no chunking, and whatever sits between (compression) can see its size.
        http.Response.ContentLength = body.Written.Length;
        await http.Response.Body.WriteAsync(body.Written, http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private IReadOnlyList<IGraphQLRequestInterceptor> Interceptors(HttpContext http)
    {
        var registered = http.RequestServices?.GetServices<IGraphQLRequestInterceptor>() ?? [];
        return [.. options.Interceptors, .. registered];
    }

    /// <summary>The variables by name, values left as JSON: the analyzer only reads page sizes from them.</summary>
    private static IReadOnlyDictionary<string, object?>? VariablesForAnalysis(JsonElement? variables)
    {
        if (variables is not { ValueKind: JsonValueKind.Object } json) return null;
        var byName = new Dictionary<string, object?>();
        foreach (var property in json.EnumerateObject()) byName[property.Name] = property.Value;
        return byName;
    }

    // Masked errors keep the exception for the server's log: the only place its details belong.
    private static void LogUnexpectedErrors(HttpContext http, ExecutionResult result)
    {
        foreach (var error in result.Errors)
        {
            if (error.OriginalError is { } exception and not GraphQLError)
                Logger(http).LogError(exception, "A resolver failed at {Path}.", error.Path is null ? "" : string.Join('.', error.Path));
        }
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(LoggerCategory) ?? NullLogger.Instance;

    private static ExecutionResult RequestError(string message, string? code = null) =>
        ExecutionResult.RequestError([new GraphQLError(
            message,
            extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code })]);

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
