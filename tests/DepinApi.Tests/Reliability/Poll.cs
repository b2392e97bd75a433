namespace DepinApi.Tests.Reliability;

/// <summary>
/// Waits for another process or Postgres to reach a state. The bound only keeps a broken build
/// from hanging the run; it is generous because the suites share two cores.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? patience = null) where T : class
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            if (await probe() is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting: {what}.");
            await Task.Delay(50);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null) =>
        UntilAsync<object>(async () => await condition() ? true : null, what, patience);
}
