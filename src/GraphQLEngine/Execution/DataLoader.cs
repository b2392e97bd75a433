namespace GraphQLEngine.Execution;

/// <summary>
/// Batches and caches loads by key for one request. <see cref="LoadAsync"/> only queues the key; the
/// executor calls the batch function once for all keys queued while it completed the current wave of
/// fields (e.g. the 100 items of a list), then resumes the waiting resolvers. Each key is fetched at
/// most once per request; loading it again returns the same task.
/// </summary>
/// <remarks>Create through <see cref="DataLoaderRegistry.GetOrAdd{TKey,TValue}"/> or <c>context.GetDataLoader(…)</c>. Thread-safe.</remarks>
public sealed class DataLoader<TKey, TValue> : IDataLoader where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _batchFunction;
    private readonly DataLoaderOptions _options;
    private readonly Action _onFirstQueued;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _loads = new();
    private List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> _queued = [];
    private int _batchCount;

    internal DataLoader(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batchFunction,
        DataLoaderOptions options,
        Action onFirstQueued)
    {
        Name = name;
        _batchFunction = batchFunction;
        _options = options;
        _onFirstQueued = onFirstQueued;
    }

    public string Name { get; }

    /// <summary>How many times the batch function has been called so far.</summary>
    public int BatchCount => Volatile.Read(ref _batchCount);

    /// <summary>
    /// The value for <paramref name="key"/>: what the batch function returned for it, or default when it
    /// returned nothing for the key. Fails with the batch function's exception when it threw.
    /// </summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue?> load;
        bool first;
        lock (_gate)
        {
            if (_loads.TryGetValue(key, out var known)) return known.Task;
            // Continuations run inline when the executor delivers, so resumed resolvers queue their own
            // loads before the executor decides to dispatch the next batch.
            load = new TaskCompletionSource<TValue?>();
            _loads[key] = load;
            first = _queued.Count == 0;
            _queued.Add(new(key, load));
        }
        if (first) _onFirstQueued();
        return load.Task;
    }

    /// <summary>The values for several keys, in their order.</summary>
    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys) =>
        await Task.WhenAll(keys.Select(LoadAsync)).ConfigureAwait(false);

    /// <summary>Makes <paramref name="key"/> resolve to <paramref name="value"/> without a fetch, unless it is already loaded or queued.</summary>
    public void Prime(TKey key, TValue? value)
    {
        lock (_gate)
        {
            if (_loads.ContainsKey(key)) return;
            var load = new TaskCompletionSource<TValue?>();
            load.SetResult(value);
            _loads[key] = load;
        }
    }

    bool IDataLoader.HasQueuedKeys
    {
        get
        {
            lock (_gate) return _queued.Count > 0;
        }
    }

    IEnumerable<DataLoaderBatch> IDataLoader.TakeBatches()
    {
        List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> queued;
        lock (_gate)
        {
            if (_queued.Count == 0) return [];
            queued = _queued;
            _queued = [];
        }
        var size = _options.MaxBatchSize is int max && max > 0 ? max : queued.Count;
        return queued.Chunk(size).Select(chunk => new Batch(this, chunk)).ToList();
    }

    private sealed class Batch(DataLoader<TKey, TValue> loader, KeyValuePair<TKey, TaskCompletionSource<TValue?>>[] loads) : DataLoaderBatch
    {
        private IReadOnlyDictionary<TKey, TValue>? _values;
        private Exception? _failure;

        public override async Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref loader._batchCount);
            try
            {
                var keys = Array.ConvertAll(loads, load => load.Key);
                _values = await loader._batchFunction(keys, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The batch function of data loader \"{loader.Name}\" returned null.");
            }
            catch (Exception exception)
            {
                _failure = exception;
            }
        }

        public override void Cancel(CancellationToken cancellationToken)
        {
            foreach (var (_, load) in loads) load.TrySetCanceled(cancellationToken);
        }

        public override void Deliver()
        {
            foreach (var (key, load) in loads)
            {
                if (_failure is not null) load.TrySetException(_failure);
                else load.TrySetResult(_values!.TryGetValue(key, out var value) ? value : default);
            }
        }
    }
}
