using DepinApi.Rest.Infrastructure;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest;

/// <summary>Settings of the REST API, bound from the "Rest" section of appsettings.</summary>
public sealed class RestOptions
{
    public const string Section = "Rest";

    /// <summary>The longest <c>q</c> that <c>GET /v1/figures</c> searches for; longer is a 400.</summary>
    public int MaxSearchTextLength { get; set; } = Infrastructure.SearchText.DefaultMaxLength;

    /// <summary>
    /// The most distinct words <c>GET /v1/figures</c> matches in one <c>q</c>; more is a 400. Every word is one more
    /// pattern over every figure of the version, so sixty one-letter words cost a second where one costs milliseconds.
    /// </summary>
    public int MaxSearchWords { get; set; } = 8;

    /// <summary>Items per page when the request names no <c>limit</c>.</summary>
    public int DefaultLimit { get; set; } = 50;

    /// <summary>The largest <c>limit</c> a request may ask for; more is a 400, not a silent cut.</summary>
    public int MaxLimit { get; set; } = 500;

    /// <summary>
    /// The largest REST response. Every response is built whole before it is sent (so that its
    /// database session is back in the pool before a slow client is written to); one that grows past
    /// this is abandoned and answered with a 400 response-too-large problem that says how to ask for less.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How much of a response under construction is kept in memory; the rest goes to a temporary file
    /// (ASPNETCORE_TEMP, else the system's temp folder), so slow clients hold disk, not memory.
    /// </summary>
    public int ResponseBufferMemoryBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The most values one chart (<c>format=svg</c> or <c>png</c>) draws; a longer series is a 400 that asks for a
    /// narrower <c>from</c>/<c>to</c>. Past a few thousand points a 1,030-pixel-wide plot shows nothing more.
    /// </summary>
    public int MaxChartPoints { get; set; } = 2000;

    /// <summary>How long clients and shared caches may reuse a response (<c>Cache-Control: max-age</c>).</summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// The <c>Cache-Control</c> of what the data answers, a representation or a name's redirect: shared caches may keep
    /// it <see cref="MaxAgeSeconds"/>.
    /// </summary>
    public string DataCacheControl => $"public, max-age={MaxAgeSeconds}";

    /// <summary>
    /// Whether repeated requests are answered from the server's output cache. Off only to measure
    /// what every request costs the database (load tests); ETag/304 still work without it.
    /// </summary>
    public bool OutputCacheEnabled { get; set; } = true;

    /// <summary>
    /// How long the server's output cache keeps a response. Entries are keyed by data version and
    /// evicted when an import lands, so this only bounds memory use, not staleness.
    /// </summary>
    public int OutputCacheSeconds { get; set; } = 600;

    /// <summary>
    /// The largest response the output cache keeps. The cache copies a response while it is sent, so a long
    /// series' CSV would otherwise be held in memory up to this size for every download under way; larger
    /// responses are streamed and not kept (their ETag still answers 304).
    /// </summary>
    public long OutputCacheMaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// A REST response built by the API costs one point per started block of this many bytes (a response up to it
    /// costs the 1 point every request pays), charged once it is built and before it is sent, so that a client
    /// within its budget cannot have the server build and send it thousands of times more than an ordinary page.
    /// A response served from the output cache costs 1 point. 0: every response costs 1 point.
    /// </summary>
    public int BytesPerPoint { get; set; } = 64 * 1024;

    /// <summary>
    /// What painting a PNG (a chart or a preview card, about 0.2 s of CPU) costs on top of its size charge, in points:
    /// an ordinary response takes a few milliseconds for its 1 point. Charged before it is painted; a PNG served from the
    /// output cache is not painted and costs 1 point. 0: a PNG is charged by its bytes alone.
    /// </summary>
    public int PngPaintPoints { get; set; } = 20;

    /// <summary>
    /// A figure search (<c>/v1/figures</c>) reads every figure its project filter allows, once to list them, once more
    /// per word of <c>q</c> and once more with <c>metric</c> or <c>period</c> (a filter no figure states is checked
    /// against them all); it costs a point more per whole this many figure reads, charged before it runs: about 4 ms of
    /// the server's time a point. On the seed data a search costs its 1 point. 0: a search is charged by its bytes alone.
    /// </summary>
    public int SearchFigureReadsPerPoint { get; set; } = 4000;

    /// <summary>Whole-series exports (a series as one CSV) the server builds at once; the others wait their turn.</summary>
    public int ConcurrentBulkExports { get; set; } = 1;

    /// <summary>Whole-series exports that may wait for a turn; more are answered 503 at once.</summary>
    public int BulkExportQueueLimit { get; set; } = 64;

    /// <summary>How long a whole-series export waits for its turn before it is answered 503.</summary>
    public int BulkExportWaitSeconds { get; set; } = 10;

    /// <summary>The memory all cached responses (REST and GraphQL) may take together.</summary>
    public long OutputCacheSizeLimitBytes { get; set; } = 128 * 1024 * 1024;

    /// <summary>
    /// Responses longer than this are kept apart from the others, in a partition of
    /// <see cref="OutputCacheLargePartitionBytes"/>, so that a few large ones cannot push out many small ones.
    /// </summary>
    public long OutputCacheLargeEntryBytes { get; set; } = 256 * 1024;

    /// <summary>The part of <see cref="OutputCacheSizeLimitBytes"/> that holds the large responses; the rest holds the others.</summary>
    public long OutputCacheLargePartitionBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// How many bytes of responses one client (API key or address) may add to the output cache per
    /// <see cref="OutputCacheClientWindowSeconds"/>; beyond it, its responses are served but not kept. This bounds
    /// what one client can evict of what others keep hot.
    /// </summary>
    public long OutputCacheClientBytesPerWindow { get; set; } = 4 * 1024 * 1024;

    /// <summary>The window of <see cref="OutputCacheClientBytesPerWindow"/>.</summary>
    public int OutputCacheClientWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes) that signs pagination cursors. Every instance behind one
    /// load balancer needs the same key; when empty, a key is generated at start-up and cursors
    /// stay valid for the life of the process only.
    /// </summary>
    public string? CursorKey { get; set; }

    /// <summary>
    /// How long a browser may reuse the answer to a CORS preflight (<c>Access-Control-Max-Age</c>) before it asks
    /// again; Chromium caps it at 7,200 s, Firefox at 86,400 s.
    /// </summary>
    public int CorsPreflightMaxAgeSeconds { get; set; } = 7200;

    /// <summary>Refuses a cursor key that cannot sign: a bad key must stop the service, not fail every paged request.</summary>
    internal sealed class Validator : IValidateOptions<RestOptions>
    {
        public ValidateOptionsResult Validate(string? name, RestOptions options) =>
            CursorCodec.KeyProblem(options.CursorKey) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
