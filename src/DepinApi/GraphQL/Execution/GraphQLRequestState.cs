using DepinApi.RateLimiting;
using DepinApi.ReadModel;
using DepinApi.Rest.Models;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>
/// What one GraphQL request shares across its resolvers (the executor's user context): the request's read
/// session, opened on first use, so every figure of one response comes from one snapshot of one data version.
/// The endpoint disposes it as soon as execution ends, before the response is written.
/// </summary>
public sealed class GraphQLRequestState(ReadSessionFactory sessions, HttpContext http) : IAsyncDisposable
{
    /// <summary>The HTTP request being answered.</summary>
    public HttpContext Http { get; } = http;

    private readonly object _gate = new();
    private Task<ReadSession>? _session;
    private bool _disposed;

    /// <summary>The session, if one was opened (for tests that count its commands); kept, disposed, after execution.</summary>
    public ReadSession? OpenedSession => _session is { IsCompletedSuccessfully: true } opened ? opened.Result : null;

    private int? _compiledVersion;

    private Task<FigureViews>? _figureViews;
    private Task<FigureViews>? _preferredRevenue;
    private Task<IReadOnlyList<string>>? _networkMetricNames;

    /// <summary>The data version the response was read from, by the session or by a compiled statement; null if none was read.</summary>
    public int? VersionRead => OpenedSession?.Version.Id ?? _compiledVersion;

    /// <summary>Records the data version a compiled statement read.</summary>
    internal void RecordCompiledRead(int version) => _compiledVersion = version;

    /// <summary>The request's read session on the data version the request's <c>asOf</c> names.</summary>
    /// <exception cref="GraphQLError">The asOf names no version, root fields disagree on it, or nothing is imported yet.</exception>
    public async Task<ReadSession> SessionAsync(ResolveContext context) =>
        await StartOnce(ref _session, () => OpenAsync(context)).ConfigureAwait(false);

    /// <summary>
    /// REST's view builder on the request's version, which writes every figure's permalink and citation (one home for
    /// both). Read once per request, on first use.
    /// </summary>
    internal async Task<FigureViews> FigureViewsAsync(ResolveContext context) =>
        await StartOnce(ref _figureViews, () => LoadFigureViewsAsync(context)).ConfigureAwait(false);

    /// <summary>
    /// <see cref="FigureViewsAsync"/> with the preferred revenue statements of every project marked, which only
    /// <c>RevenueFigure.preferred</c> needs: reading every project's revenue for it is left to the requests that select
    /// it (the harness's nested query with citations and permalinks: about 620 requests/s with that read, 835 without;
    /// docs/performance.md, *Means*). Marked once per request, on first use.
    /// </summary>
    internal async Task<FigureViews> PreferredRevenueAsync(ResolveContext context) =>
        await StartOnce(ref _preferredRevenue, () => LoadPreferredRevenueAsync(context)).ConfigureAwait(false);

    /// <summary>
    /// The metrics the version's network metrics state, which an argument naming one must be among
    /// (<c>Project.metrics(metric:)</c>). Read once per request, on first use.
    /// </summary>
    internal async Task<IReadOnlyList<string>> NetworkMetricNamesAsync(ResolveContext context) =>
        await StartOnce(ref _networkMetricNames, () => LoadNetworkMetricNamesAsync(context)).ConfigureAwait(false);

    private async Task<IReadOnlyList<string>> LoadNetworkMetricNamesAsync(ResolveContext context) =>
        await (await SessionAsync(context).ConfigureAwait(false)).NetworkMetricNamesAsync(context.CancellationToken).ConfigureAwait(false);

    // The task in slot, started by the first resolver that asks; every later one shares it.
    private Task<T> StartOnce<T>(ref Task<T>? slot, Func<Task<T>> start)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return slot ??= start();
        }
    }

    private async Task<FigureViews> LoadFigureViewsAsync(ResolveContext context)
    {
        var session = await SessionAsync(context).ConfigureAwait(false);
        return await FigureViews.CreateAsync(Http, session, context.CancellationToken).ConfigureAwait(false);
    }

    private async Task<FigureViews> LoadPreferredRevenueAsync(ResolveContext context)
    {
        var views = await FigureViewsAsync(context).ConfigureAwait(false);
        await views.LoadPreferredRevenueAsync(await SessionAsync(context).ConfigureAwait(false), projects: null, context.CancellationToken)
            .ConfigureAwait(false);
        return views;
    }

    private async Task<ReadSession> OpenAsync(ResolveContext context)
    {
        var asOf = RequestAsOf.Find(context.Operation, context.Fragments, context.VariableValues);
        try
        {
            return await sessions.OpenAsync(asOf, RequestCharge.PartitionKeyOf(Http), context.CancellationToken).ConfigureAwait(false);
        }
        catch (DataVersionNotFoundException notFound)
        {
            throw new GraphQLError(notFound.Message, extensions: Code("DATA_VERSION_NOT_FOUND"));
        }
        catch (NoDataException)
        {
            throw new GraphQLError("No data has been imported yet.", extensions: Code("NO_DATA"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<ReadSession>? session;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            session = _session;
        }
        if (session is null) return;
        try
        {
            await (await session.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception) when (!session.IsCompletedSuccessfully)
        {
            // It never opened: its failure was already reported to the client as a field error.
        }
    }

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
