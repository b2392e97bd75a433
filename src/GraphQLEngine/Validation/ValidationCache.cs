using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GraphQLEngine.Caching;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation;

/// <summary>
/// Remembers validation results so that a document sent again (the usual case for a client's fixed queries) is not
/// validated again. Bounded: once <see cref="Capacity"/> results are held, the least recently used one is dropped.
/// Safe to share between threads.
/// </summary>
/// <remarks>
/// <para>
/// The key is the schema instance, the rule list instance, the error limit, and the SHA-256 of the document's
/// <b>source text</b> exactly as received. Source text rather than the printed document, because the errors carry
/// line/column locations, which belong to the text: two spellings of one document get separate entries.
/// </para>
/// <para>
/// The caller must pass the text the document was parsed from; the cache cannot check that the two match.
/// </para>
/// <para>
/// The store is <see cref="LruCache{TKey, TValue}"/>, whose opening comment says why it is not <c>MemoryCache</c>.
/// </para>
/// </remarks>
public sealed class ValidationCache
{
    /// <summary>Default number of results kept.</summary>
    public const int DefaultCapacity = 1024;

    private readonly LruCache<CacheKey, IReadOnlyList<GraphQLError>> _results;

    /// <param name="capacity">How many results to keep; at least 1.</param>
    public ValidationCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _results = new LruCache<CacheKey, IReadOnlyList<GraphQLError>>(capacity);
    }

    public int Capacity => _results.Capacity;

    /// <summary>How many results are held now.</summary>
    public int Count => _results.Count;

    /// <summary>
    /// The cached result for this schema, rules, limit and source text, or the result of
    /// <see cref="DocumentValidator.Validate"/> (then cached).
    /// </summary>
    /// <param name="schema">The schema to validate against.</param>
    /// <param name="source">The exact text <paramref name="document"/> was parsed from.</param>
    /// <param name="document">The parsed document.</param>
    /// <param name="rules">Rules to apply; <see cref="SpecifiedRules.All"/> when null. Keyed by list identity, so reuse one list.</param>
    /// <param name="maxErrors">See <see cref="DocumentValidator.Validate"/>.</param>
    public IReadOnlyList<GraphQLError> Validate(
        GraphQLSchema schema,
        string source,
        DocumentNode document,
        IReadOnlyList<ValidationRule>? rules = null,
        int maxErrors = DocumentValidator.DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(source);
        rules ??= SpecifiedRules.All;
        var key = new CacheKey(schema, rules, maxErrors, SourceHash.Of(source));
        if (_results.TryGet(key, out var cached)) return cached;

        // Validated outside the lock: two threads may both validate a new document, which is harmless.
        // Wrapped so that no caller can change a list other callers will be given.
        var errors = DocumentValidator.Validate(schema, document, rules, maxErrors).Select(Detached).ToList().AsReadOnly();
        // Should another thread have stored a result first, every caller is handed that one.
        return _results.GetOrAdd(key, errors);
    }

    /// <summary>
    /// The error without the nodes it was raised at, its locations kept: an error's nodes hold the whole document, every
    /// node of it reachable from them, so a kept refusal of a 16 KB document of 1,150 fields held its 800 KB tree, and
    /// the 1,024 the cache keeps could hold 800 MB. A response needs only the message, locations and extensions.
    /// </summary>
    private static GraphQLError Detached(GraphQLError error) =>
        error.Nodes.Count == 0
            ? error
            : new GraphQLError(error.Message, nodes: null, error.Path, error.OriginalError, error.Extensions, error.Locations);

    /// <summary>Drops every cached result (e.g. after the schema object has been replaced).</summary>
    public void Clear() => _results.Clear();

    /// <summary>Hex SHA-256 of the UTF-8 source text.</summary>
    public static string HashSource(string source) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    // Schema and rule list compare by reference (neither overrides Equals), which is what identity needs.
    private readonly record struct CacheKey(GraphQLSchema Schema, IReadOnlyList<ValidationRule> Rules, int MaxErrors, SourceHash SourceHash);

    /// <summary>
    /// The SHA-256 of the UTF-8 source text as a value, worked out without allocating: a cache hit then costs the
    /// hashing and a lookup, and no garbage (no encoded copy of the text, no hex string).
    /// </summary>
    private readonly record struct SourceHash(ulong Part0, ulong Part1, ulong Part2, ulong Part3)
    {
        private const int StackBufferSize = 1024;

        public static SourceHash Of(string source)
        {
            // Typical documents fit the stack buffer; larger ones borrow a pooled array for the encoded text.
            var maxBytes = Encoding.UTF8.GetMaxByteCount(source.Length);
            byte[]? rented = null;
            Span<byte> buffer = maxBytes <= StackBufferSize
                ? stackalloc byte[StackBufferSize]
                : rented = ArrayPool<byte>.Shared.Rent(maxBytes);
            try
            {
                var length = Encoding.UTF8.GetBytes(source, buffer);
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                SHA256.HashData(buffer[..length], hash);
                return new SourceHash(
                    BinaryPrimitives.ReadUInt64BigEndian(hash),
                    BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
                    BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
                    BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));
            }
            finally
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
