namespace GraphQLEngine.Execution;

/// <summary>
/// The data loaders of one request, by name. The executor keeps one in <see cref="ResolveContext.Items"/>
/// and dispatches its queued keys whenever it runs out of other work; code outside an execution (a
/// background job, a test) dispatches with <see cref="DispatchAsync"/>.
/// </summary>
public sealed class DataLoaderRegistry
{
    /// <summary>The key under which an execution stores its registry in <see cref="ResolveContext.Items"/>.</summary>
    public static readonly object ItemsKey = new();

    private readonly object _gate = new();
    private readonly Dictionary<string, IDataLoader> _byName = new(StringComparer.Ordinal);
    private readonly List<IDataLoader> _inCreationOrder = [];
    private Action? _keysQueued;

    /// <summary>The loader called <paramref name="name"/>, created with <paramref name="batchFunction"/> on first use.</summary>
    /// <param name="name">Identifies the loader within the request; one name, one key/value type pair.</param>
    /// <param name="batchFunction">Fetches the values of distinct keys; keys it leaves out load as default.</param>
    /// <param name="options">Batching options; used only when the loader is created.</param>
    /// <exception cref="InvalidOperationException">A loader of that name exists with other key or value types.</exception>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batchFunction,
        DataLoaderOptions? options = null) where TKey : notnull
    {
        lock (_gate)
        {
            if (_byName.TryGetValue(name, out var existing))
            {
                return existing as DataLoader<TKey, TValue> ?? throw new InvalidOperationException(
                    $"Data loader \"{name}\" already exists with other key or value types than {typeof(TKey).Name} → {typeof(TValue).Name}.");
            }
            var loader = new DataLoader<TKey, TValue>(name, batchFunction, options ?? DataLoaderOptions.Default, OnKeysQueued);
            _byName[name] = loader;
            _inCreationOrder.Add(loader);
            return loader;
        }
    }

    /// <summary>Runs batches until no loader has queued keys, completing the waiting loads after each round.</summary>
    public async Task DispatchAsync(CancellationToken cancellationToken = default)
    {
        while (TakeBatches() is { Count: > 0 } batches)
        {
            await Task.WhenAll(batches.Select(batch => batch.RunAsync(cancellationToken))).ConfigureAwait(false);
            foreach (var batch in batches) batch.Deliver();
        }
    }

    /// <summary>Called (from any thread) when a loader gets its first queued key since its last batch.</summary>
    internal void SetKeysQueuedCallback(Action callback)
    {
        lock (_gate) _keysQueued = callback;
    }

    internal bool HasQueuedKeys
    {
        get
        {
            lock (_gate) return _inCreationOrder.Any(loader => loader.HasQueuedKeys);
        }
    }

    /// <summary>Every queued key of every loader, as batches in the order the loaders were created.</summary>
    internal List<DataLoaderBatch> TakeBatches()
    {
        IDataLoader[] loaders;
        lock (_gate) loaders = _inCreationOrder.ToArray();
        return loaders.SelectMany(loader => loader.TakeBatches()).ToList();
    }

    private void OnKeysQueued()
    {
        Action? callback;
        lock (_gate) callback = _keysQueued;
        callback?.Invoke();
    }
}
