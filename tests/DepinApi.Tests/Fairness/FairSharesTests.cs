using DepinApi.Fairness;

namespace DepinApi.Tests.Fairness;

/// <summary>
/// The allocation both fair gates use (<see cref="FairShares"/>): a freed place goes to the waiting client that holds
/// the fewest, among equals to the client served least recently, then the earliest request; a client alone may take
/// every place when its cap allows.
/// </summary>
public sealed class FairSharesTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_freed_place_goes_to_a_client_holding_none_before_the_earlier_queue_of_a_client_holding_some()
    {
        var shares = new FairShares(capacity: 2, perClient: 2, LongWait);
        var heldA1 = (await shares.TryEnterAsync("a", CancellationToken.None))!;
        var heldA2 = (await shares.TryEnterAsync("a", CancellationToken.None))!;

        var queuedA = shares.TryEnterAsync("a", CancellationToken.None).AsTask();
        var queuedB = shares.TryEnterAsync("b", CancellationToken.None).AsTask();
        Assert.Equal(2, shares.Waiting);

        heldA1.Dispose();
        using (var granted = await queuedB)
        {
            Assert.NotNull(granted);
            Assert.False(queuedA.IsCompleted);
            Assert.Equal(1, shares.HeldBy("b"));
        }
        using (var granted = await queuedA)
            Assert.NotNull(granted);
        heldA2.Dispose();
        Assert.Equal(0, shares.InUse);
    }

    [Fact]
    public async Task Among_clients_holding_as_many_the_earliest_waiter_goes_first_and_a_lone_client_may_take_every_place()
    {
        var shares = new FairShares(capacity: 3, perClient: 3, LongWait);
        var held = new List<IDisposable>();
        for (var i = 0; i < 3; i++)
            held.Add((await shares.TryEnterAsync("a", CancellationToken.None))!);
        Assert.Equal(3, shares.HeldBy("a"));

        var first = shares.TryEnterAsync("b", CancellationToken.None).AsTask();
        var second = shares.TryEnterAsync("c", CancellationToken.None).AsTask();
        held[0].Dispose();
        using (var granted = await first)
            Assert.NotNull(granted);
        Assert.False(second.IsCompleted);
        held[1].Dispose();
        using (var granted = await second)
            Assert.NotNull(granted);
        held[2].Dispose();
    }

    [Fact]
    public async Task Among_clients_holding_none_the_one_served_least_recently_goes_before_the_older_queue_of_one_just_served()
    {
        var shares = new FairShares(capacity: 1, perClient: 1, LongWait);
        var held = (await shares.TryEnterAsync("a", CancellationToken.None))!;
        // X queues two at once, then V asks once.
        var x1 = shares.TryEnterAsync("x", CancellationToken.None).AsTask();
        var x2 = shares.TryEnterAsync("x", CancellationToken.None).AsTask();
        var v = shares.TryEnterAsync("v", CancellationToken.None).AsTask();

        held.Dispose();
        var first = (await x1)!;
        first.Dispose();
        // X holds none again and its second request is older than V's, but X was just served.
        using (var granted = await v)
        {
            Assert.NotNull(granted);
            Assert.False(x2.IsCompleted);
        }
        using (var granted = await x2)
            Assert.NotNull(granted);
        Assert.Equal(0, shares.Waiting);
    }

    [Fact]
    public async Task A_wait_past_its_patience_gives_null_and_a_cancelled_wait_throws_and_neither_keeps_a_place()
    {
        var impatient = new FairShares(capacity: 1, perClient: 1, TimeSpan.FromMilliseconds(50));
        using (await impatient.TryEnterAsync("a", CancellationToken.None))
            Assert.Null(await impatient.TryEnterAsync("b", CancellationToken.None));
        Assert.Equal(0, impatient.Waiting);

        var shares = new FairShares(capacity: 1, perClient: 1, LongWait);
        var held = (await shares.TryEnterAsync("a", CancellationToken.None))!;
        using var abandon = new CancellationTokenSource();
        var waiting = shares.TryEnterAsync("c", abandon.Token).AsTask();
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, shares.Waiting);

        // Given back once, however often disposed.
        held.Dispose();
        held.Dispose();
        Assert.Equal(0, shares.InUse);
        using var again = await shares.TryEnterAsync("b", CancellationToken.None);
        Assert.NotNull(again);
        Assert.Equal(1, shares.InUse);
    }
}
