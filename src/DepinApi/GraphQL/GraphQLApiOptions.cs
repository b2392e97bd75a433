namespace DepinApi.GraphQL;

/// <summary>The GraphQL endpoint's settings (appsettings section "GraphQL").</summary>
public sealed class GraphQLApiOptions
{
    public const string Section = "GraphQL";

    /// <summary>Where the endpoint is mapped.</summary>
    public string Path { get; set; } = "/graphql";

    /// <summary>Deepest chain of nested fields, fragments expanded.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most aliased fields in one operation.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Longest alias, in characters (<c>ALIAS_TOO_LONG</c>); see <see cref="GraphQLEngine.Limits.QueryLimitOptions.MaxAliasLength"/>.</summary>
    public int MaxAliasLength { get; set; } = 32;

    /// <summary>
    /// Most objects one operation may request (see docs/graphql.md). Kept at or below the anonymous rate-limit budget,
    /// or a query that passes this limit could never be paid for.
    /// </summary>
    public long MaxCost { get; set; } = 1_000;

    /// <summary>Largest <c>first</c> a connection accepts.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Items assumed for a list that declares no size of its own, for the cost.</summary>
    public int DefaultListSize { get; set; } = 10;

    /// <summary>
    /// Introspection objects (types, fields, arguments, enum values …) one point pays for: <c>__schema</c> and
    /// <c>__type</c> cost the objects they return, counted exactly, divided by this (see docs/graphql.md). Zero or
    /// less: introspection costs nothing.
    /// </summary>
    public int IntrospectionObjectsPerPoint { get; set; } = 10;

    /// <summary>
    /// Request bytes one point pays for, before any of them is read: a request pays the larger of its price (one point
    /// per started block of this many bytes of its POST body or GET query string, as received) and its query cost, so
    /// reading its JSON and parsing, validating and measuring its document are paid for even when it is refused
    /// (docs/rate-limits.md, "What a refusal costs"). The name is older than the rule, which once counted the document,
    /// variables and extensions alone. Zero or less: only the admission point.
    /// </summary>
    public int DocumentBytesPerPoint { get; set; } = 512;

    /// <summary>
    /// Most validation errors one refused document is answered with; validation stops there and the answer ends with
    /// graphql-js's "Too many validation errors, error limit reached. Validation aborted." (graphql-js's own default is
    /// 100). A refused document pays its admission point or its size's price and no more, so the errors its answer
    /// lists are kept few: 15 conflicting aliases in 462 bytes were answered with 98 errors, 30,603 bytes, for one point,
    /// and are now answered with 6, 1,786 bytes (docs/graphql.md, "What a point buys").
    /// </summary>
    public int MaxValidationErrors { get; set; } = 5;

    /// <summary>
    /// Most bytes the errors of a request refused before it runs are written in; those that do not fit are counted in
    /// a last error instead, and a first one too long alone has its message cut. A refusal pays at least a point, and a
    /// point buys at most 2,048 bytes of answer (docs/graphql.md, "What a point buys"): these 1,792 and the cost report,
    /// under 200, keep a refusal's whole answer within it. Coercion errors each quoting a 256-character value made 26 KB
    /// for a 512-byte body. Zero or less: no limit.
    /// </summary>
    public long MaxRefusalErrorBytes { get; set; } = 1_792;

    /// <summary>Longest query text, in characters.</summary>
    public int MaxQueryLength { get; set; } = 16 * 1024;

    /// <summary>Largest POST body, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Longest an operation may run before it is cancelled, on either execution path; the cancellation reaches
    /// Postgres, and no database command of the operation outlives it.
    /// </summary>
    public int ExecutionTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Longest the read of the list bounds (<see cref="ReadModel.ListBounds"/>, at start and after each new data version)
    /// may run. Not a request's command timeout: the read scans every table's history once, 15 s on the synthetic
    /// scale set's two million prices, and until it succeeds lists are charged the default size.
    /// </summary>
    public int ListBoundsTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// Largest response body, in bytes; a larger result is refused with <c>RESPONSE_TOO_LARGE</c> before any of it is
    /// sent, and no more than this is buffered. 4 MiB: this API's largest object (a figure with its quote and source)
    /// is about 650 bytes, so even at 2 KB each an operation at the full cost limit (1,000 objects) is 2 MB, and the
    /// standard introspection query is about 100 KB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Whether an operation whose every field can be compiled runs as one SQL statement that builds its result in
    /// Postgres (docs/graphql.md, "Execution: compiled, or through resolvers"); off, every operation runs through the
    /// resolvers. Both give the same responses.
    /// </summary>
    public bool CompiledExecution { get; set; } = true;

    /// <summary>Whether successful results are kept in the output cache (per document, variables and data version).</summary>
    public bool CacheEnabled { get; set; } = true;

    /// <summary>How long a cached result is served, and the <c>max-age</c> GET responses give to shared caches.</summary>
    public int CacheSeconds { get; set; } = 60;
}
