using System.Diagnostics.CodeAnalysis;

namespace GraphQLEngine.Caching;

/// <summary>
/// A bounded least-recently-used store, safe to share between threads: once <see cref="Capacity"/> entries are held,
/// adding one drops the entry that was used longest ago. The engine's parse and validation caches are thin layers over
/// it that decide what the key is and what is worth keeping.
/// </summary>
/// <remarks>
/// <para>
/// Hand-written rather than <c>MemoryCache</c> (which the engine could use at no cost: it is in the shared framework
/// the engine already references) because of what it does that MemoryCache does not: a hit allocates nothing
/// (MemoryCache keys are objects, so a struct key is boxed on every lookup, where here an <see cref="IEquatable{T}"/>
/// struct is compared as it is), and eviction is exact LRU at the moment of insertion (a size-limited MemoryCache
/// refuses the new entry while full and compacts in the background). Measured on the validation cache in
/// <c>bench/library-choices</c> (docs/dependencies.md): equal hot-set hit rates, a hit costing about the same, and only
/// MemoryCache allocating on it.
/// </para>
/// <para>
/// One lock around a dictionary and a recency list: every operation under it is a lookup and a few pointer moves, and
/// the callers do their expensive work (parsing, validating) outside it.
/// </para>
/// </remarks>
/// <typeparam name="TKey">Compared with its own <see cref="IEquatable{T}"/>; a struct key is never boxed.</typeparam>
/// <typeparam name="TValue">What is kept; handed out as stored, so it should be immutable.</typeparam>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull, IEquatable<TKey>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries;
    private readonly LinkedList<Entry> _recency = new();

    /// <param name="capacity">How many entries to keep; zero keeps none.</param>
    public LruCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _entries = new Dictionary<TKey, LinkedListNode<Entry>>(Math.Min(capacity, 1024));
    }

    public int Capacity { get; }

    /// <summary>How many entries are held now; never more than <see cref="Capacity"/>.</summary>
    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    /// <summary>The value stored under <paramref name="key"/>, which then counts as the most recently used.</summary>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                MoveToFront(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> unless a value is already stored there (another
    /// thread got there first), dropping the least recently used entry when full. Returns the value now stored, so
    /// that every caller hands out the same instance; with a capacity of zero that is <paramref name="value"/>, unkept.
    /// </summary>
    public TValue GetOrAdd(TKey key, TValue value)
    {
        if (Capacity == 0) return value;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                MoveToFront(existing);
                return existing.Value.Value;
            }
            if (_entries.Count >= Capacity && _recency.Last is { } oldest)
            {
                // The dropped entry's node is reused for the new one: a full cache adds without allocating a node.
                _entries.Remove(oldest.Value.Key);
                _recency.RemoveLast();
                oldest.Value = new Entry(key, value);
                _recency.AddFirst(oldest);
                _entries.Add(key, oldest);
            }
            else
            {
                _entries.Add(key, _recency.AddFirst(new Entry(key, value)));
            }
            return value;
        }
    }

    /// <summary>Drops every entry.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _recency.Clear();
        }
    }

    private void MoveToFront(LinkedListNode<Entry> node)
    {
        if (node == _recency.First) return;
        _recency.Remove(node);
        _recency.AddFirst(node);
    }

    private readonly record struct Entry(TKey Key, TValue Value);
}
