using StackExchange.Redis;

namespace DepinApi.Redis;

/// <summary>
/// How a feature calls the optional shared Redis without letting it fail or slow a request: a call waits at most
/// <see cref="RedisOptions.Timeout"/>; after a call failed or timed out, Redis is left alone for the retry delay, and
/// while the connection is down it is not called at all, so no request waits on a Redis that is known to be away. The
/// first call after the delay tries it again. Each feature keeps its own (the limiter and the output cache log and
/// count apart), and is told once when Redis stops answering and once when it answers again.
/// </summary>
internal sealed class RedisBackoff(IConnectionMultiplexer redis, TimeSpan timeout, TimeSpan retryDelay, TimeProvider time,
    Action<Exception?> stoppedAnswering, Action answersAgain)
{
    private long _retryAtTicks;
    private int _failing;

    /// <summary>Whether the last call failed (or the connection was down) and Redis is being left alone.</summary>
    public bool Failing => Volatile.Read(ref _failing) == 1;

    /// <summary>
    /// Redis's answer to <paramref name="call"/>, or <c>Answered: false</c> when Redis was not called (connection down,
    /// within the retry delay) or did not answer in time: the caller then does without it.
    /// </summary>
    public async ValueTask<(bool Answered, T Value)> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _retryAtTicks))
            return (false, default!);
        if (!redis.IsConnected)
        {
            StartFailing(null);
            return (false, default!);
        }
        try
        {
            // The multiplexer's own timeout is checked on a heartbeat; this bounds the wait exactly.
            var value = await call().WaitAsync(timeout, time, cancellationToken);
            if (Interlocked.Exchange(ref _failing, 0) == 1)
                answersAgain();
            return (true, value);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref _retryAtTicks, (time.GetUtcNow() + retryDelay).UtcTicks);
            StartFailing(e);
            return (false, default!);
        }
    }

    private void StartFailing(Exception? cause)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 0)
            stoppedAnswering(cause);
    }
}
