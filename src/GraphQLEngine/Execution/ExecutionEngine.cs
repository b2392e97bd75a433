using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>
/// Executes one query operation (graphql-js's <c>executeOperation</c> and everything below it).
/// </summary>
/// <remarks>
/// Work runs on one logical flow, wave by wave: the engine executes every queued object's fields; a field
/// whose resolver completes synchronously is completed at once (no task, no allocation beyond its value),
/// and an object value queues its own fields for later instead of recursing. Resolvers still running go
/// on in parallel and post their results back. When nothing is left to do but wait, the engine first
/// dispatches the data loaders: every key requested during the wave (say by the 100 items of a list) goes
/// to one batch call, and the waiting resolvers resume on the engine's flow when it delivers, so the keys
/// they request next form the next batch. The response tree is written only from that flow, so it needs
/// no locks; key order is fixed up front by the collected fields.
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "_wakeUp is a SemaphoreSlim whose AvailableWaitHandle is never read, so it holds nothing to dispose; the engine lives for one request.")]
internal sealed partial class ExecutionEngine
{
    private readonly GraphQLSchema _schema;
    private readonly OperationDefinitionNode _operation;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly ExecutionRequest _request;
    private readonly FieldCollector _collector;
    private readonly ConcurrentDictionary<object, object?> _items;
    private readonly DataLoaderRegistry _loaders;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _cancellation;
    private readonly bool _maskUnexpectedErrors;
    private readonly Func<GraphQLObjectType, FieldNode[], CollectedFields> _collectSubfields;

    private readonly FieldErrors _errors = new();
    private readonly Queue<ResponseMap> _objectsToExecute = new();
    private readonly ConcurrentQueue<IArrivedWork> _arrived = new();
    private readonly SemaphoreSlim _wakeUp = new(0);
    private int _inFlight;
    private bool _dataNulled;

    public ExecutionEngine(
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables)
    {
        _request = request;
        _schema = request.Schema;
        _operation = operation;
        _fragments = fragments;
        _variables = variables;
        // Linked, so that an aborted execution can stop the resolvers still running.
        _stop = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken);
        _cancellation = _stop.Token;
        _maskUnexpectedErrors = request.Options.MaskUnexpectedErrors;
        _collector = new FieldCollector(_schema, fragments, variables);
        _collectSubfields = _collector.CollectSubfields;
        _items = request.Items ?? new ConcurrentDictionary<object, object?>();
        _loaders = (DataLoaderRegistry)_items.GetOrAdd(DataLoaderRegistry.ItemsKey, static _ => new DataLoaderRegistry())!;
        _loaders.SetKeysQueuedCallback(() => _wakeUp.Release());
    }

    /// <summary>Runs the operation's selection against <paramref name="rootType"/>.</summary>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLObjectType rootType)
    {
        CollectedFields rootFields;
        try
        {
            rootFields = _collector.CollectRoot(rootType, _operation.SelectionSet);
        }
        catch (GraphQLError error)
        {
            return ExecutionResult.NullData([error]);
        }

        var root = new ResponseMap(rootFields, parent: null, indexInParent: 0, nonNullInParent: false) { ObjectType = rootType };
        root.SetSource(_request.RootValue);
        _objectsToExecute.Enqueue(root);
        try
        {
            await RunUntilDoneAsync().ConfigureAwait(false);
        }
        catch
        {
            // Cancelled, timed out or aborted: what the resolvers still do would be thrown away, and the caller may
            // release what they use (a database session) as soon as this returns, so they stop first.
            await _stop.CancelAsync().ConfigureAwait(false);
            await SettleInFlightAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _loaders.SetKeysQueuedCallback(static () => { });
            // A resolver that ignored its cancellation may still hold the token; it is collected with the engine.
            if (_inFlight <= 0) _stop.Dispose();
        }
        return new ExecutionResult { HasData = true, Data = _dataNulled ? null : root, Errors = _errors.ToList() };
    }

    /// <summary>
    /// Long enough for a cancelled database command to be acknowledged (Npgsql waits 2 s for the server before it
    /// breaks the connection); a resolver that ignores its cancellation token is left behind after it.
    /// </summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Waits, after cancellation, for every running resolver and batch to finish, starting no new work.</summary>
    private async Task SettleInFlightAsync()
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            // Keys queued but never dispatched would keep their resolvers waiting forever.
            foreach (var batch in _loaders.TakeBatches()) batch.Cancel(_cancellation);
            while (_arrived.TryDequeue(out var work))
            {
                _inFlight--;
                // A delivered batch lets its resolvers finish (or queue keys, cancelled above next time round).
                if (work is ArrivedBatch) work.Complete(this);
            }
            var left = deadline - DateTime.UtcNow;
            if (_inFlight <= 0 || left <= TimeSpan.Zero) return;
            if (_loaders.HasQueuedKeys) continue;
            await _wakeUp.WaitAsync(left).ConfigureAwait(false);
        }
    }

    private async Task RunUntilDoneAsync()
    {
        while (true)
        {
            _cancellation.ThrowIfCancellationRequested();
            DrainWork();
            if (DispatchDataLoaders()) continue;
            if (_inFlight == 0) return;
            await _wakeUp.WaitAsync(_cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Does everything that can be done without waiting.</summary>
    private void DrainWork()
    {
        while (true)
        {
            if (_objectsToExecute.TryDequeue(out var target))
            {
                // A wave can hold thousands of objects: a timeout must not wait for all of them.
                _cancellation.ThrowIfCancellationRequested();
                ExecuteFields(target);
            }
            else if (_arrived.TryDequeue(out var work))
            {
                _inFlight--;
                work.Complete(this);
            }
            else
            {
                return;
            }
        }
    }

    private bool DispatchDataLoaders()
    {
        if (!_loaders.HasQueuedKeys) return false;
        foreach (var batch in _loaders.TakeBatches())
        {
            _inFlight++;
            _ = RunBatchAsync(batch);
        }
        return true;
    }

    private async Task RunBatchAsync(DataLoaderBatch batch)
    {
        await batch.RunAsync(_cancellation).ConfigureAwait(false);
        Post(new ArrivedBatch(batch));
    }

    private void Post(IArrivedWork work)
    {
        _arrived.Enqueue(work);
        _wakeUp.Release();
    }

    /// <summary>Something that finished off the engine's flow and now needs the engine to continue.</summary>
    private interface IArrivedWork
    {
        void Complete(ExecutionEngine engine);
    }

    private sealed class ArrivedBatch(DataLoaderBatch batch) : IArrivedWork
    {
        public void Complete(ExecutionEngine engine) => batch.Deliver();
    }
}
