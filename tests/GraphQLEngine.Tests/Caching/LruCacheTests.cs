using GraphQLEngine.Caching;

namespace GraphQLEngine.Tests.Caching;

public sealed class LruCacheTests
{
    private readonly record struct Key(int Id);

    private static LruCache<Key, string> Filled(int capacity, params int[] ids)
    {
        var cache = new LruCache<Key, string>(capacity);
        foreach (var id in ids) cache.GetOrAdd(new Key(id), $"v{id}");
        return cache;
    }

    private static bool Holds(LruCache<Key, string> cache, int id) => cache.TryGet(new Key(id), out _);

    [Fact]
    public void Drops_entries_in_the_order_they_were_last_used()
    {
        var cache = Filled(3, 1, 2, 3);

        cache.GetOrAdd(new Key(4), "v4");
        Assert.False(Holds(cache, 1));
        cache.GetOrAdd(new Key(5), "v5");

        Assert.Equal(3, cache.Count);
        Assert.False(Holds(cache, 2));
        Assert.True(Holds(cache, 3));
        Assert.True(Holds(cache, 4));
        Assert.True(Holds(cache, 5));
    }

    [Fact]
    public void A_hit_makes_the_entry_the_most_recently_used()
    {
        var cache = Filled(2, 1, 2);

        Assert.True(cache.TryGet(new Key(1), out var value));
        cache.GetOrAdd(new Key(3), "v3");

        Assert.Equal("v1", value);
        Assert.True(Holds(cache, 1));
        Assert.False(Holds(cache, 2));
    }

    [Fact]
    public void Adding_a_key_already_held_keeps_the_first_value_and_refreshes_it()
    {
        var cache = Filled(2, 1, 2);

        // Two threads that both computed a missing value must hand out one instance.
        Assert.Equal("v1", cache.GetOrAdd(new Key(1), "other"));
        cache.GetOrAdd(new Key(3), "v3");

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet(new Key(1), out var value));
        Assert.Equal("v1", value);
        Assert.False(Holds(cache, 2));
    }

    [Fact]
    public void Keeps_nothing_with_a_capacity_of_zero()
    {
        var cache = new LruCache<Key, string>(0);

        Assert.Equal("v1", cache.GetOrAdd(new Key(1), "v1"));

        Assert.Equal(0, cache.Count);
        Assert.False(Holds(cache, 1));
    }

    [Fact]
    public void Refuses_a_negative_capacity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LruCache<Key, string>(-1));
    }

    [Fact]
    public void Clear_drops_everything_and_the_cache_fills_again()
    {
        var cache = Filled(2, 1, 2);

        cache.Clear();
        Assert.Equal(0, cache.Count);
        Assert.False(Holds(cache, 1));

        cache.GetOrAdd(new Key(3), "v3");
        cache.GetOrAdd(new Key(4), "v4");
        cache.GetOrAdd(new Key(5), "v5");
        Assert.Equal(2, cache.Count);
        Assert.False(Holds(cache, 3));
    }

    [Fact]
    public void A_hit_and_an_insert_into_a_full_cache_allocate_nothing()
    {
        var cache = Filled(2, 1, 2);
        cache.TryGet(new Key(1), out _);
        cache.GetOrAdd(new Key(3), "v3");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hit = cache.TryGet(new Key(3), out _);
        cache.GetOrAdd(new Key(4), "v4");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(hit);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task Concurrent_use_never_holds_more_than_the_capacity_and_keeps_keys_and_values_together()
    {
        const int capacity = 16, threads = 4, operations = 20_000, keys = 64;
        var cache = new LruCache<Key, string>(capacity);
        var overCapacity = 0;
        var mismatched = 0;
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, threads).Select(thread => Task.Run(() =>
        {
            start.Wait();
            var random = new Random(thread);
            for (var i = 0; i < operations; i++)
            {
                var id = random.Next(keys);
                var value = i % 3 == 0 ? cache.GetOrAdd(new Key(id), $"v{id}") : cache.TryGet(new Key(id), out var held) ? held : null;
                if (value is not null && value != $"v{id}") Interlocked.Increment(ref mismatched);
                if (cache.Count > capacity) Interlocked.Increment(ref overCapacity);
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(workers);

        Assert.Equal(0, overCapacity);
        Assert.Equal(0, mismatched);
        Assert.Equal(capacity, cache.Count);

        // The recency list and the lookup still agree: filling the cache with new keys drops every old one.
        for (var id = keys; id < keys + capacity; id++) cache.GetOrAdd(new Key(id), $"v{id}");
        Assert.Equal(capacity, cache.Count);
        Assert.All(Enumerable.Range(0, keys), id => Assert.False(Holds(cache, id)));
        Assert.All(Enumerable.Range(keys, capacity), id => Assert.True(Holds(cache, id)));
    }
}
