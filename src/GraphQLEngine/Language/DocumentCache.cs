using GraphQLEngine.Caching;

namespace GraphQLEngine.Language;

/// <summary>
/// Remembers parsed documents by their exact source text, so that a document sent again (a client's fixed queries)
/// is not lexed and parsed again. Bounded twice: only sources up to <see cref="MaxSourceLength"/> characters are
/// kept, and once <see cref="Capacity"/> are held the least recently used one is dropped, so however many distinct
/// documents a client sends, the cache holds at most <c>Capacity × MaxSourceLength</c> characters of source.
/// Safe to share between threads.
/// </summary>
/// <remarks>
/// <para>
/// Sharing one <see cref="DocumentNode"/> between requests is safe because nodes are immutable. Keyed by the text
/// itself (ordinal), not a hash of it, so two texts never share an entry. Syntax errors are not cached: a document
/// that fails to parse is parsed, and fails, each time, as before. The store is <see cref="LruCache{TKey, TValue}"/>.
/// </para>
/// <para>
/// A document is kept from the second time its text is parsed, not the first: until then only the text's hash is
/// remembered, among the last <c>4 × Capacity</c> seen. A client's fixed queries are parsed twice and then never
/// again; a flood of documents each sent once (new alias names in every request) no longer passes through the cache,
/// where every one of them outlived the young generation and reached the oldest before it was dropped, so that the
/// flood brought on a full collection every few hundred requests (docs/performance.md, <em>Means</em>).
/// </para>
/// </remarks>
public sealed class DocumentCache
{
    /// <summary>Default number of documents kept.</summary>
    public const int DefaultCapacity = 128;

    /// <summary>Default longest source, in characters, that is kept: the size of a typical client query and then some.</summary>
    public const int DefaultMaxSourceLength = 2048;

    private readonly LruCache<CacheKey, DocumentNode> _documents;
    private readonly LruCache<SeenKey, bool> _seenOnce;

    /// <param name="capacity">How many documents to keep; zero keeps none.</param>
    /// <param name="maxSourceLength">Longest source, in characters, that is kept.</param>
    public DocumentCache(int capacity = DefaultCapacity, int maxSourceLength = DefaultMaxSourceLength)
    {
        _documents = new LruCache<CacheKey, DocumentNode>(capacity);
        _seenOnce = new LruCache<SeenKey, bool>(capacity * 4);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSourceLength);
        MaxSourceLength = maxSourceLength;
    }

    public int Capacity => _documents.Capacity;

    public int MaxSourceLength { get; }

    /// <summary>How many documents are held now.</summary>
    public int Count => _documents.Count;

    /// <summary>The document parsed from <paramref name="source"/> with <paramref name="options"/>, from the cache when it is there.</summary>
    /// <exception cref="GraphQLSyntaxError">The source is not a valid document (or breaks a limit of <paramref name="options"/>).</exception>
    public DocumentNode Parse(string source, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ParseOptions.Default;
        if (Capacity == 0 || source.Length > MaxSourceLength) return Parser.Parse(source, options);

        var key = new CacheKey(options, source);
        if (_documents.TryGet(key, out var cached)) return cached;

        // Parsed outside the lock: two threads may both parse a new document, which is harmless. A syntax error
        // throws before anything is stored.
        var document = Parser.Parse(source, options);
        // Two texts with one hash only make the second kept a request early.
        var seen = new SeenKey(options, string.GetHashCode(source, StringComparison.Ordinal));
        if (_seenOnce.TryGet(seen, out _)) return _documents.GetOrAdd(key, document);
        _seenOnce.GetOrAdd(seen, true);
        return document;
    }

    // ParseOptions is a record: options with equal limits parse alike, so they may share entries.
    private readonly record struct CacheKey(ParseOptions Options, string Source);

    private readonly record struct SeenKey(ParseOptions Options, int SourceHash);
}
