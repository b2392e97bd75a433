using GraphQLEngine.Language;
using GraphQLEngine.Limits;
using GraphQLEngine.Validation;
using Microsoft.AspNetCore.Http;

namespace GraphQLEngine.Http;

/// <summary>
/// Settings of a GraphQL endpoint (<see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string, Type.GraphQLSchema, GraphQLHttpOptions?)"/>).
/// Every limit can be bound from configuration.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Largest POST body accepted, in bytes; a longer one gets 413. Zero or less: no limit of this endpoint's own.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Longest query text, in characters (Unicode scalar values: <see cref="QueryLength"/>), that is parsed; a longer one is rejected like a syntax error. Zero or less: no limit.</summary>
    public int MaxQueryLength { get; set; } = 32 * 1024;

    /// <summary>Token and nesting limits of the parser.</summary>
    public ParseOptions Parse { get; set; } = new();

    /// <summary>Depth, alias, page-size and cost limits, checked after validation.</summary>
    public QueryLimitOptions Limits { get; set; } = new();

    /// <summary>Validation rules; the specification's when not replaced. Keep one list: the cache is keyed by it.</summary>
    public IReadOnlyList<ValidationRule> ValidationRules { get; set; } = SpecifiedRules.All;

    /// <summary>Most validation errors reported for one document.</summary>
    public int MaxValidationErrors { get; set; } = DocumentValidator.DefaultMaxErrors;

    /// <summary>Validation results by schema and document text; one per endpoint unless shared on purpose.</summary>
    public ValidationCache ValidationCache { get; set; } = new();

    /// <summary>Parsed documents by source text (short ones only); one per endpoint unless shared on purpose.</summary>
    public DocumentCache DocumentCache { get; set; } = new();

    /// <summary>
    /// Report resolver exceptions that are not GraphQL errors as "Unexpected error." (and log them), so internal
    /// details never reach a public client. On by default, unlike graphql-js.
    /// </summary>
    public bool MaskUnexpectedErrors { get; set; } = true;

    /// <summary>Longest an operation may execute before it is cancelled and answered with an error; null for no limit.</summary>
    public TimeSpan? ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest response body, in bytes. A result that would be larger is not sent: the response is one error with
    /// code <c>RESPONSE_TOO_LARGE</c>. Counted as the result is written, so no more than this is ever buffered.
    /// Zero or less: no limit.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Most bytes the <c>errors</c> of a request refused before it runs are written in (a document that does not parse
    /// or validate, variables that do not coerce, a limit broken, a hook's refusal): they are kept in order while they
    /// fit, then one last error says how many more there were; a first error too long alone is kept with its message
    /// cut short. Such a request ran nothing, and its errors can quote what it sent many times over. Zero or less: no
    /// limit, as graphql-js.
    /// </summary>
    public long MaxRefusalErrorBytes { get; set; }

    /// <summary>
    /// Recognises an exception raised while executing (by a resolver, an <see cref="IGraphQLOperationExecutor"/> or
    /// the <see cref="UserContextFactory"/>) that fails the whole request rather than one field, e.g. a database
    /// that is down: execution stops at the first one and the response is the failure returned. Null (or a null
    /// answer) keeps the specification's behaviour: a field error, masked when <see cref="MaskUnexpectedErrors"/> is set.
    /// </summary>
    public Func<HttpContext, Exception, GraphQLRequestFailure?>? RequestFailure { get; set; }

    /// <summary>
    /// Builds the value resolvers see as their user context, once per request; null gives them null. One that is
    /// <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/> is disposed as soon as execution ends, before the
    /// response is written, so what it holds (a database session) is not kept while a slow client reads.
    /// </summary>
    public Func<HttpContext, ValueTask<object?>>? UserContextFactory { get; set; }

    /// <summary>
    /// Hooks run for every request, before those registered as <see cref="IGraphQLRequestInterceptor"/> services in
    /// the request's service provider.
    /// </summary>
    public IList<IGraphQLRequestInterceptor> Interceptors { get; } = new List<IGraphQLRequestInterceptor>();
}
