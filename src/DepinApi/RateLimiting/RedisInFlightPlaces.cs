using System.Collections.Concurrent;
using StackExchange.Redis;

namespace DepinApi.RateLimiting;

/// <summary>
/// Gives back the in-flight places the admission script takes in Redis (a member of the client's sorted set, one per
/// request). The removal is sent when the request ends, without the request waiting for it, and sent again every
/// <paramref name="retryDelay"/> until Redis answers it or the place would have expired anyway: a place is held by an
/// admission that Redis confirmed, but also by one whose answer never came in time (the request was then counted in
/// process) and that still ran when a frozen Redis resumed, possibly on a connection the multiplexer has since replaced.
/// A place nobody removes counts against its client on every replica until <see cref="RateLimitingOptions.RedisInFlightLeaseSeconds"/>.
/// </summary>
internal sealed class RedisInFlightPlaces(IConnectionMultiplexer redis, TimeSpan timeout, TimeSpan retryDelay, TimeSpan lease,
    TimeProvider time)
{
    private readonly ConcurrentDictionary<Place, DateTimeOffset> _unanswered = new();
    private int _retrying;

    /// <summary>Removals Redis has not answered yet (each one is sent again until it does).</summary>
    internal int Unanswered => _unanswered.Count;

    /// <summary>
    /// What the request holds until it ends: the place <paramref name="member"/> in <paramref name="key"/> and, when
    /// Redis did not answer the admission, the process's own place that admitted the request instead.
    /// </summary>
    public IDisposable Hold(string key, string member, IDisposable? processPlace = null) =>
        new Held(this, new Place(key, member), processPlace);

    /// <summary>Removes a place the request will not hold, as when the request is refused or abandoned.</summary>
    public void Release(string key, string member) => _ = RemoveAsync(new Place(key, member));

    /// <summary>
    /// Sends the removals not answered yet again, ahead of an admission: commands on one connection run in order, so
    /// the admission then cannot find a place that is on its way out, even if Redis has just resumed on a new connection.
    /// </summary>
    public void ResendUnanswered()
    {
        // Every admission passes here: the emptiness check and the enumerator take no lock, unlike Keys.
        if (_unanswered.IsEmpty)
            return;
        foreach (var (place, _) in _unanswered)
            _ = ConfirmAsync(place);
    }

    private async Task ConfirmAsync(Place place)
    {
        if (await TryRemoveAsync(place))
            _unanswered.TryRemove(place, out _);
    }

    private async Task RemoveAsync(Place place)
    {
        if (await TryRemoveAsync(place))
            return;
        _unanswered.TryAdd(place, time.GetUtcNow() + lease);
        if (Interlocked.Exchange(ref _retrying, 1) == 0)
            _ = RetryAsync();
    }

    private async Task RetryAsync()
    {
        while (true)
        {
            await Task.Delay(retryDelay, time);
            var now = time.GetUtcNow();
            await Task.WhenAll(_unanswered.Select(async entry =>
            {
                if (entry.Value <= now || await TryRemoveAsync(entry.Key))
                    _unanswered.TryRemove(entry.Key, out _);
            }));
            Volatile.Write(ref _retrying, 0);
            // A removal that failed meanwhile started no second loop while this one ran; this one goes on for it.
            if (_unanswered.IsEmpty || Interlocked.Exchange(ref _retrying, 1) == 1)
                return;
        }
    }

    /// <summary>
    /// True once Redis answered the removal. Commands on one connection run in the order they were sent, so an
    /// admission sent earlier on it has run by then; one written on a connection since dropped is read by a resumed
    /// Redis before anything sent on a connection it had yet to accept.
    /// </summary>
    private async Task<bool> TryRemoveAsync(Place place)
    {
        try
        {
            await redis.GetDatabase().SortedSetRemoveAsync(place.Key, place.Member).WaitAsync(timeout, time);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            // The service is stopping and its connection is closed: nothing can be sent any more; the place expires.
            return true;
        }
    }

    private readonly record struct Place(string Key, string Member);

    private sealed class Held(RedisInFlightPlaces places, Place place, IDisposable? processPlace) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
                return;
            processPlace?.Dispose();
            _ = places.RemoveAsync(place);
        }
    }
}
