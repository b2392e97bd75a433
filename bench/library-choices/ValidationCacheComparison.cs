using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using GraphQLEngine.Benchmarks;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Validation;
using Microsoft.Extensions.Caching.Memory;

namespace LibraryChoices;

/// <summary>
/// The engine's <see cref="ValidationCache"/> (a locked dictionary and linked list) against the same cache on
/// <see cref="MemoryCache"/> with a size limit: a hit on a typical document, and a run that misses every time.
/// </summary>
[MemoryDiagnoser]
public class ValidationCacheComparison
{
    private GraphQLSchema schema = null!;
    private DocumentNode document = null!;
    private ValidationCache ours = null!;
    private MemoryCacheValidation library = null!;
    private (string Source, DocumentNode Document)[] oneOffs = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        schema = BenchmarkSchema.Create();
        document = Parser.Parse(TypicalQuery.Text);
        ours = new ValidationCache();
        library = new MemoryCacheValidation(ValidationCache.DefaultCapacity);
        ours.Validate(schema, TypicalQuery.Text, document);
        library.Validate(schema, TypicalQuery.Text, document);
        oneOffs = [.. Enumerable.Range(0, 4 * ValidationCache.DefaultCapacity).Select(i =>
        {
            var source = $"# {i}\n{TypicalQuery.Text}";
            return (source, Parser.Parse(source));
        })];
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<GraphQLError> Hit_ValidationCache() => ours.Validate(schema, TypicalQuery.Text, document);

    [Benchmark]
    public IReadOnlyList<GraphQLError> Hit_MemoryCache() => library.Validate(schema, TypicalQuery.Text, document);

    [Benchmark]
    public IReadOnlyList<GraphQLError> Miss_ValidationCache()
    {
        var (source, parsed) = oneOffs[next++ % oneOffs.Length];
        return ours.Validate(schema, source, parsed);
    }

    [Benchmark]
    public IReadOnlyList<GraphQLError> Miss_MemoryCache()
    {
        var (source, parsed) = oneOffs[next++ % oneOffs.Length];
        return library.Validate(schema, source, parsed);
    }
}

/// <summary>What <see cref="ValidationCache"/> would be on <see cref="MemoryCache"/>: same key, one size unit per result.</summary>
public sealed class MemoryCacheValidation(int capacity)
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = capacity });

    public int Count => cache.Count;

    public IReadOnlyList<GraphQLError> Validate(GraphQLSchema schema, string source, DocumentNode document)
    {
        var key = new Key(schema, SpecifiedRules.All, DocumentValidator.DefaultMaxErrors, SourceHash.Of(source));
        if (cache.TryGetValue(key, out IReadOnlyList<GraphQLError>? cached))
            return cached!;
        var errors = DocumentValidator.Validate(schema, document).ToList().AsReadOnly();
        cache.Set(key, (IReadOnlyList<GraphQLError>)errors, new MemoryCacheEntryOptions { Size = 1 });
        return errors;
    }

    private readonly record struct Key(GraphQLSchema Schema, IReadOnlyList<ValidationRule> Rules, int MaxErrors, SourceHash Hash);

    // The same allocation-free SHA-256 key as ValidationCache's, so the comparison is of the stores alone.
    private readonly record struct SourceHash(ulong Part0, ulong Part1, ulong Part2, ulong Part3)
    {
        public static SourceHash Of(string source)
        {
            var maxBytes = Encoding.UTF8.GetMaxByteCount(source.Length);
            byte[]? rented = null;
            Span<byte> buffer = maxBytes <= 1024 ? stackalloc byte[1024] : rented = ArrayPool<byte>.Shared.Rent(maxBytes);
            try
            {
                var length = Encoding.UTF8.GetBytes(source, buffer);
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                SHA256.HashData(buffer[..length], hash);
                return new SourceHash(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
                    BinaryPrimitives.ReadUInt64BigEndian(hash[16..]), BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));
            }
            finally
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>
/// How many validations each cache saves when a client's fixed queries (a hot set) are interleaved with one-off
/// documents (a scan): the LRU keeps the hot set; the size-limited MemoryCache refuses new entries while full and
/// compacts in the background.
/// </summary>
public static class ValidationHitRate
{
    public static int Run()
    {
        const int capacity = ValidationCache.DefaultCapacity, hot = 200, rounds = 30, oneOffsPerRound = 600;
        var schema = BenchmarkSchema.Create();
        var hotSet = Enumerable.Range(0, hot).Select(i => Document($"# hot {i}")).ToArray();
        var ours = new ValidationCache(capacity);
        var library = new MemoryCacheValidation(capacity);
        var oursMisses = 0;
        var libraryMisses = 0;
        var serial = 0;
        // A hit hands back the very list stored; a miss validates again and gives a new one.
        var oursLast = new IReadOnlyList<GraphQLError>?[hot];
        var libraryLast = new IReadOnlyList<GraphQLError>?[hot];
        for (var round = 0; round < rounds; round++)
        {
            for (var h = 0; h < hot; h++)
            {
                var (source, document) = hotSet[h];
                var fromOurs = ours.Validate(schema, source, document);
                var fromLibrary = library.Validate(schema, source, document);
                if (round > 0 && !ReferenceEquals(fromOurs, oursLast[h])) oursMisses++;
                if (round > 0 && !ReferenceEquals(fromLibrary, libraryLast[h])) libraryMisses++;
                oursLast[h] = fromOurs;
                libraryLast[h] = fromLibrary;
            }
            for (var i = 0; i < oneOffsPerRound; i++)
            {
                var (source, document) = Document($"# one-off {serial++}");
                ours.Validate(schema, source, document);
                library.Validate(schema, source, document);
            }
            Thread.Sleep(10); // lets MemoryCache's background compaction run, as it would between requests
        }
        var lookups = (rounds - 1) * hot;
        Console.WriteLine($"capacity {capacity}, hot set {hot}, {oneOffsPerRound} one-off documents between rounds, {rounds} rounds");
        Console.WriteLine($"ValidationCache: hot-set hit rate {100.0 * (lookups - oursMisses) / lookups:F1}%");
        Console.WriteLine($"MemoryCache:     hot-set hit rate {100.0 * (lookups - libraryMisses) / lookups:F1}%");
        return 0;
    }

    private static (string, DocumentNode) Document(string comment)
    {
        var source = comment + "\n" + TypicalQuery.Text;
        return (source, Parser.Parse(source));
    }
}

/// <summary>
/// Hits on both caches timed in alternating rounds, so that load from other processes on a shared machine falls on
/// both alike (BenchmarkDotNet runs one benchmark after the other); medians of the rounds, and bytes allocated per hit.
/// </summary>
public static class ValidationHitCost
{
    public static int Run()
    {
        const int rounds = 41, hitsPerRound = 20_000;
        var schema = BenchmarkSchema.Create();
        var document = Parser.Parse(TypicalQuery.Text);
        var ours = new ValidationCache();
        var library = new MemoryCacheValidation(ValidationCache.DefaultCapacity);
        var oursTimes = new List<double>();
        var libraryTimes = new List<double>();
        long oursBytes = 0, libraryBytes = 0;
        for (var round = 0; round < rounds; round++)
        {
            oursTimes.Add(Time(() => ours.Validate(schema, TypicalQuery.Text, document), hitsPerRound, ref oursBytes));
            libraryTimes.Add(Time(() => library.Validate(schema, TypicalQuery.Text, document), hitsPerRound, ref libraryBytes));
        }
        Console.WriteLine($"{rounds} alternating rounds of {hitsPerRound} hits on a {TypicalQuery.Text.Length}-character document; median per hit");
        Console.WriteLine($"ValidationCache: {Median(oursTimes):F3} µs, {(double)oursBytes / (rounds * hitsPerRound):F0} bytes");
        Console.WriteLine($"MemoryCache:     {Median(libraryTimes):F3} µs, {(double)libraryBytes / (rounds * hitsPerRound):F0} bytes");
        return 0;
    }

    private static double Time(Func<IReadOnlyList<GraphQLError>> hit, int count, ref long bytes)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            hit();
        var elapsed = clock.Elapsed.TotalMicroseconds / count;
        bytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
