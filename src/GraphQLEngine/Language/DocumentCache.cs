namespace GraphQLEngine.Language;

/// <summary>
/// Remembers parsed documents by their exact source text, so that a document sent again (a client's fixed queries)
/// is not lexed and parsed again. Bounded twice: only sources up to <see cref="MaxSourceLength"/> characters are
/// kept, and once <see cref="Capacity"/> are held the least recently used one is dropped, so however many distinct
/// documents a client sends, the cache holds at most <c>Capacity × MaxSourceLength</c> characters of source.
/// Safe to share between threads.
/// </summary>
/// <remarks>
/// Sharing one <see cref="DocumentNode"/> between requests is safe because nodes are immutable. Keyed by the text
/// itself (ordinal), not a hash of it, so two texts never share an entry. Syntax errors are not cached: a document
/// that fails to parse is parsed, and fails, each time, as before.
/// </remarks>
public sealed class DocumentCache
{
    /// <summary>Default number of documents kept.</summary>
    public const int DefaultCapacity = 128;

    /// <summary>Default longest source, in characters, that is kept: the size of a typical client query and then some.</summary>
    public const int DefaultMaxSourceLength = 2048;

    private readonly Lock _lock = new();
    private readonly Dictionary<CacheKey, LinkedListNode<Entry>> _entries = new();
    private readonly LinkedList<Entry> _recency = new();

    /// <param name="capacity">How many documents to keep; zero keeps none.</param>
    /// <param name="maxSourceLength">Longest source, in characters, that is kept.</param>
    public DocumentCache(int capacity = DefaultCapacity, int maxSourceLength = DefaultMaxSourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSourceLength);
        Capacity = capacity;
        MaxSourceLength = maxSourceLength;
    }

    public int Capacity { get; }

    public int MaxSourceLength { get; }

    /// <summary>How many documents are held now.</summary>
    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    /// <summary>The document parsed from <paramref name="source"/> with <paramref name="options"/>, from the cache when it is there.</summary>
    /// <exception cref="GraphQLSyntaxError">The source is not a valid document (or breaks a limit of <paramref name="options"/>).</exception>
    public DocumentNode Parse(string source, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ParseOptions.Default;
        if (Capacity == 0 || source.Length > MaxSourceLength) return Parser.Parse(source, options);

        var key = new CacheKey(options, source);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Document;
            }
        }

        // Parsed outside the lock: two threads may both parse a new document, which is harmless.
        var document = Parser.Parse(source, options);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing)) return existing.Value.Document;
            if (_entries.Count >= Capacity && _recency.Last is { } oldest)
            {
                _entries.Remove(oldest.Value.Key);
                _recency.RemoveLast();
            }
            _entries[key] = _recency.AddFirst(new Entry(key, document));
            return document;
        }
    }

    // ParseOptions is a record: options with equal limits parse alike, so they may share entries.
    private readonly record struct CacheKey(ParseOptions Options, string Source);

    private sealed record Entry(CacheKey Key, DocumentNode Document);
}
