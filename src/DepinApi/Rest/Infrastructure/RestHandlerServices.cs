using DepinApi.Database;
using DepinApi.RateLimiting;
using DepinApi.ReadModel;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// What every REST handler needs, injected as one singleton service: the read model, the cursor codec and
/// the options. It holds nothing of a request; each call takes the request's <see cref="HttpContext"/>. It opens the request's read session and hands it to <see cref="ReadThenWriteMiddleware"/>,
/// which closes it once the response is built, before the client is written to.
/// </summary>
public sealed class RestHandlerServices(ReadSessionFactory sessions, CursorCodec cursors, BulkExports exports, IOptions<RestOptions> options,
    DataVersionTracker versions, QueryParameterCatalog parameters)
{
    public CursorCodec Cursors => cursors;
    public RestOptions Options => options.Value;

    /// <summary>Opens a snapshot for <c>asOf</c> (parsed here, so a malformed one is a 400), closed once the response is built.</summary>
    public async Task<ReadSession> OpenAsync(HttpContext http, string? asOf, CancellationToken cancellationToken)
    {
        var session = await sessions.OpenAsync(QueryParsing.AsOf(asOf), RequestCharge.PartitionKeyOf(http), cancellationToken);
        Hold(http, session);
        return session;
    }

    /// <summary>
    /// Like <see cref="OpenAsync(HttpContext, string?, CancellationToken)"/>, with the reads the handler will need
    /// started at once: on the newest version, they and the version query are one round trip
    /// (<see cref="ReadSessionFactory.OpenAsync{T}"/>).
    /// </summary>
    public async Task<(ReadSession Session, T Reads)> OpenAsync<T>(HttpContext http, string? asOf, Func<ReadSession, T> readAhead,
        CancellationToken cancellationToken)
    {
        var (session, reads) = await sessions.OpenAsync(QueryParsing.AsOf(asOf), RequestCharge.PartitionKeyOf(http), readAhead,
            cancellationToken);
        Hold(http, session);
        return (session, reads);
    }

    /// <summary>Opens the session and finds the project the URL's <paramref name="slug"/> names (<see cref="ProjectResolution"/>).</summary>
    public async Task<(ReadSession Session, ProjectLookup Lookup)> OpenForProjectAsync(HttpContext http, string? asOf, string slug,
        CancellationToken cancellationToken)
    {
        var session = await OpenAsync(http, asOf, cancellationToken);
        return (session, await ProjectResolution.ResolveAsync(http, session, slug, cancellationToken));
    }

    /// <summary>
    /// Like <see cref="OpenForProjectAsync(HttpContext, string?, string, CancellationToken)"/>, with the project read by
    /// its own slug together with its rows (<paramref name="readWithProject"/>, one statement on the newest version): a
    /// slug that is another name of a project is looked up only when that read finds no project. The rows count only
    /// when the lookup finds the project under its own slug.
    /// </summary>
    public async Task<(ReadSession Session, ProjectLookup Lookup, List<(Project Project, TRow Row)> Rows)> OpenForProjectAsync<TRow>(
        HttpContext http, string? asOf, string slug, Func<ReadSession, Task<List<(Project Project, TRow Row)>>> readWithProject,
        CancellationToken cancellationToken)
    {
        var (session, read) = await OpenAsync(http, asOf, readWithProject, cancellationToken);
        var rows = await read;
        var lookup = await ProjectResolution.ResolveAsync(http, session, slug, rows.Count > 0 ? rows[0].Project : null, cancellationToken);
        return (session, lookup, rows);
    }

    private static void Hold(HttpContext http, ReadSession session)
    {
        http.Features.Set(new SnapshotVersion(session.Version, session.IsCurrent));
        // An endpoint outside the buffered groups still gets its session closed, with the response.
        if (http.Features.Get<RequestReadSessions>() is { } buffered)
            buffered.Add(session);
        else
            http.Response.RegisterForDisposeAsync(session);
    }

    /// <summary>
    /// Waits for a whole-series export's turn (<see cref="BulkExports"/>), before the session is opened; null when it
    /// may run, or the refusal to answer with.
    /// </summary>
    public Task<ProblemHttpResult?> AwaitBulkExportAsync(HttpContext http, CancellationToken cancellationToken) =>
        exports.AwaitTurnAsync(http, held =>
        {
            if (http.Features.Get<RequestReadSessions>() is { } buffered)
                buffered.Add(held);
            else
                http.Response.RegisterForDisposeAsync(held);
        }, cancellationToken);

    /// <summary>The page asked for; the cursor must come from the same query.</summary>
    public PageRequest Page(HttpContext http, PageParameters parameters) =>
        PageRequest.From(parameters, Options, cursors, Scope(http, versions.Current?.Id));

    /// <summary>Cuts a page from <c>limit + 1</c> fetched items and links the next one.</summary>
    public (IReadOnlyList<T> Items, PageInfo Page) Cut<T>(HttpContext http, PageRequest page, IReadOnlyList<T> fetched,
        Func<T, IReadOnlyList<string>> positionOf) =>
        Paging.Cut(http, cursors, Scope(http, ReadVersion(http)), page, fetched, positionOf);

    /// <summary>Pages a list held in memory by a unique, ordinally sorting key.</summary>
    public (IReadOnlyList<T> Items, PageInfo Page) InMemory<T>(HttpContext http, PageRequest page, IEnumerable<T> all,
        Func<T, string> sortKey) =>
        Paging.InMemory(http, cursors, Scope(http, ReadVersion(http)), page, all, sortKey);

    private string Scope(HttpContext http, int? newestVersion) =>
        CursorScope.Of(http.Request, newestVersion, http.GetEndpoint() is { } endpoint ? parameters.DefaultsOf(endpoint) : null);

    // The newest version the request's snapshot saw, which a reader of a standby may know before the tracker does.
    private int? ReadVersion(HttpContext http) => (SnapshotVersion.Of(http) ?? versions.Current)?.Id;
}
