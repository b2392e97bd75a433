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

    /// <summary>The status code of the refusal; null when the media type decides it (<see cref="FailOperation"/>).</summary>
    public int? RejectionStatusCode { get; private set; }

    /// <summary>
    /// Whether the refusal answers <c>data: null</c> (<see cref="FailOperation"/>, which leaves the status to the media
    /// type) rather than no <c>data</c> (<see cref="Reject"/>, which always names one).
    /// </summary>
    public bool RejectionHasNullData => Rejection is not null && RejectionStatusCode is null;

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

    /// <summary>Whether an interceptor answered the request 304 Not Modified (<see cref="AnswerNotModified"/>).</summary>
    public bool IsNotModified { get; private set; }

    /// <summary>
    /// Answers the request 304 Not Modified without executing it, for a hook that can tell, before execution, that the
    /// client's cached result is the one execution would give (a GET's <c>If-None-Match</c> against a tag made of what
    /// decides the result). No body is written and no interceptor after this one, nor <see cref="IGraphQLRequestInterceptor.OnResultAsync"/>,
    /// sees the request: the hook sets the headers a 304 repeats (<c>ETag</c>, <c>Cache-Control</c>) itself. Only from
    /// <see cref="IGraphQLRequestInterceptor.OnExecutingAsync"/> of a GET or HEAD.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not a GET or HEAD, or no operation is prepared yet.</exception>
    public void AnswerNotModified()
    {
        if (!Request.IsGet || Prepared is null)
            throw new InvalidOperationException("Only a GET or HEAD whose operation is prepared, from OnExecutingAsync, can be answered 304.");
        IsNotModified = true;
    }

    /// <summary>
    /// Fails the operation before it is executed, as execution fails when it cannot begin on its root fields (graphql-js
    /// answers a root field's <c>@skip</c> whose condition is null so): the response is <c>data: null</c> with
    /// <paramref name="error"/>, its status the media type's for a result with data (200). For a rule about the operation
    /// as a whole, which would otherwise fail each root field it concerns with an error of its own. Only once the operation
    /// is prepared (<see cref="IGraphQLRequestInterceptor.OnExecutingAsync"/>); no interceptor after this one is told of
    /// the execution, which does not happen.
    /// </summary>
    /// <exception cref="InvalidOperationException">No operation is prepared yet.</exception>
    public void FailOperation(GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Prepared is null) throw new InvalidOperationException("An operation can fail only once it is prepared, from OnExecutingAsync.");
        Rejection = error;
        RejectionStatusCode = null;
    }
}
