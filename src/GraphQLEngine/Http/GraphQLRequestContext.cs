using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;
using Microsoft.AspNetCore.Http;

namespace GraphQLEngine.Http;

/// <summary>One request as it goes through a GraphQL endpoint; what <see cref="IGraphQLRequestInterceptor"/>s see.</summary>
public sealed class GraphQLRequestContext
{
    internal GraphQLRequestContext(HttpContext httpContext, GraphQLSchema schema, GraphQLHttpRequest request, string responseMediaType)
    {
        HttpContext = httpContext;
        Schema = schema;
        Request = request;
        ResponseMediaType = responseMediaType;
    }

    public HttpContext HttpContext { get; }

    public GraphQLSchema Schema { get; }

    /// <summary>The request parameters.</summary>
    public GraphQLHttpRequest Request { get; }

    /// <summary><see cref="GraphQLMediaTypes.GraphQLResponseJson"/> or <see cref="GraphQLMediaTypes.Json"/>, from the Accept header.</summary>
    public string ResponseMediaType { get; }

    /// <summary>The parsed document, once parsed.</summary>
    public DocumentNode? Document { get; internal set; }

    /// <summary>The operation that will run, once the document is valid (null if none can be selected).</summary>
    public OperationDefinitionNode? Operation { get; internal set; }

    /// <summary>The operation with its fragments and coerced variables, once the document is valid (null if none can be selected).</summary>
    public PreparedOperation? Prepared { get; internal set; }

    /// <summary>Depth, aliases and cost, once measured (after validation).</summary>
    public QueryAnalysis? Analysis { get; internal set; }

    /// <summary>What <see cref="GraphQLHttpOptions.UserContextFactory"/> built, just before execution.</summary>
    public object? UserContext { get; internal set; }

    private long _executionStarted;
    private TimeSpan? _executionTimeout;

    internal void StartExecution(TimeSpan? timeout)
    {
        _executionStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        _executionTimeout = timeout;
    }

    /// <summary>
    /// What is left of <see cref="GraphQLHttpOptions.ExecutionTimeout"/> once execution has started; null without a
    /// timeout. For work with a timeout of its own (a database command's), which must not outlast the operation's.
    /// </summary>
    public TimeSpan? ExecutionTimeRemaining => _executionTimeout is { } timeout
        ? TimeSpan.FromTicks(Math.Max(0, (timeout - System.Diagnostics.Stopwatch.GetElapsedTime(_executionStarted)).Ticks))
        : null;

    /// <summary>The refusal, if an interceptor refused the request.</summary>
    public GraphQLError? Rejection { get; private set; }

    /// <summary>The status code of the refusal.</summary>
    public int? RejectionStatusCode { get; private set; }

    /// <summary>
    /// Refuses the request: it is not executed and the response carries <paramref name="error"/> with
    /// <paramref name="statusCode"/> whatever the media type (e.g. 429, with a <c>Retry-After</c> header the
    /// interceptor sets on <see cref="HttpContext"/>).
    /// </summary>
    public void Reject(GraphQLError error, int statusCode = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        Rejection = error;
        RejectionStatusCode = statusCode;
    }
}
