using System.ComponentModel.DataAnnotations;

namespace DepinApi.Security;

/// <summary>
/// What the HTTP server accepts and how it stops (section <c>Server</c>). Requests over a size
/// limit are refused by the server before any endpoint sees them: 413 for the body, 414 for the
/// request line, 431 for the headers.
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>No endpoint takes a large body; GraphQL documents have their own, smaller limit.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Room for a GraphQL query sent by GET at its maximum length, percent-encoded.</summary>
    public int MaxRequestLineBytes { get; set; } = 32 * 1024;

    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>A client gets this long to send its headers (slow-header clients hold connections).</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// A request's body must arrive in full this long after its headers (<see cref="RequestBodyDeadline"/>), or it is
    /// answered 408; 0 for no deadline beyond Kestrel's minimum data rate.
    /// </summary>
    [Range(0, 3600)]
    public int RequestBodyTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Connections open at once, all clients together; Kestrel closes one beyond it at once. Each open connection holds
    /// buffers (about 40 KB idle), so this bounds what connections alone can make the server hold.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 2048;

    /// <summary>
    /// Connections one address holds open at once (<see cref="ConnectionsPerAddress"/>; a trusted proxy's are not
    /// counted); 0 for no cap. Well above what a client needs: its requests in flight are capped at 8 anyway.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 64;

    /// <summary>
    /// New connections one address may open a second, sustained (<see cref="ConnectionsPerAddress"/>; a trusted proxy's
    /// are not counted); 0 for no pacing. It may open <see cref="MaxConnectionsPerAddress"/> at once; past that, a new
    /// connection waits for its turn before a byte of it is read. A request Kestrel refuses itself (a malformed request
    /// line, one over its size limits) is answered before any rate limit or pacing of requests sees it and closes its
    /// connection, so without this one address reconnecting as fast as it could took most of a core for nothing.
    /// Clients keep connections alive; one that opens a connection per request is still served at this rate, above
    /// what its point budget sustains.
    /// </summary>
    [Range(0, 1_000_000)]
    public int NewConnectionsPerAddressPerSecond { get; set; } = 32;

    /// <summary>
    /// When fewer connections than this are free, idle ones (no request under way) are closed, longest idle first,
    /// until this many are free again (<see cref="IdleConnections"/>), so a new client, a health probe among them, gets
    /// in while connections that send nothing hold the rest. 0: never close idle connections early. Less than
    /// <see cref="MaxConnections"/> (checked at start).
    /// </summary>
    [Range(0, 1_000_000)]
    public int ConnectionsKeptFree { get; set; } = 64;

    /// <summary>
    /// A connection's first request must have its headers in this long after the connection is accepted, or the
    /// connection is closed; 0 for Kestrel's keep-alive timeout. Clients send at once; connections that send nothing
    /// only hold a place.
    /// </summary>
    [Range(0, 3600)]
    public int FirstRequestTimeoutSeconds { get; set; } = 10;

    /// <summary>An idle keep-alive connection is closed after this long (Kestrel's default is 130 s).</summary>
    [Range(1, 3600)]
    public int KeepAliveTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The scheme, host and optional path every absolute URL the API writes starts with (permalinks,
    /// citations, <c>page.next</c>, <c>Link</c>), e.g. <c>https://api.example.org</c>. Unset: see
    /// <see cref="Rest.Infrastructure.PublicUrls"/>.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>On shutdown, in-flight requests get this long to finish before the process stops.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Responses (REST and GraphQL, not cached answers) the server builds at once, all clients together; the others
    /// wait, and a freed turn goes to the waiting client that holds the fewest (<see cref="Fairness.FairBuildGate"/>).
    /// 0: twice the processor count (docs/performance.md, <em>Fair turns at building responses</em>, says why).
    /// </summary>
    [Range(0, 4096)]
    public int ConcurrentBuilds { get; set; }

    /// <summary>How long a request waits for its turn to be built before it is answered 503 <c>server-busy</c>.</summary>
    [Range(1, 300)]
    public int BuildWaitSeconds { get; set; } = 10;

    /// <summary>
    /// A REST response is built in steps of this many bytes; between two, its build gives its turn to a newcomer that
    /// waits for one (a client with no other request under way) and waits for a turn again
    /// (<see cref="Fairness.BuildSlot.GiveWayAsync"/>), so a newcomer waits for a step of a long build, not the whole
    /// build. 0: never give way.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int BuildStepBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// While a newcomer's request (a client's only request, holding no turn) waits or is built, the other requests are
    /// built at most this many at a time; the builds beyond give way at their next step (<see cref="BuildStepBytes"/>).
    /// </summary>
    [Range(1, 4096)]
    public int BuildsBesideNewcomers { get; set; } = 1;

    /// <summary>
    /// A request whose body or query string is longer than this many bytes is a <em>large</em> request: large requests
    /// are built at most <see cref="ConcurrentLargeBuilds"/> at a time (a GraphQL document until it is checked), and
    /// wait for that before they take a build turn, so that waiting they hold none (<see cref="Fairness.FairBuildGate"/>).
    /// A body of unknown length (chunked) is large. 0: no request is large.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int LargeRequestBytes { get; set; } = 4096;

    /// <summary>Large requests (<see cref="LargeRequestBytes"/>) built at once, all clients together.</summary>
    [Range(1, 4096)]
    public int ConcurrentLargeBuilds { get; set; } = 1;

    /// <summary><see cref="ConcurrentBuilds"/> with its default applied.</summary>
    public int EffectiveConcurrentBuilds => ConcurrentBuilds > 0 ? ConcurrentBuilds : 2 * Environment.ProcessorCount;
}
