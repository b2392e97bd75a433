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
        using var grantedFirst = await first;
        Assert.NotNull(grantedFirst);
        // Checked while the first waiter still holds its place: given back, that place would go to the second.
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
        // X queues two at once, then V queues two (neither is a newcomer, which would go first).
        var x1 = shares.TryEnterAsync("x", CancellationToken.None).AsTask();
        var x2 = shares.TryEnterAsync("x", CancellationToken.None).AsTask();
        var v1 = shares.TryEnterAsync("v", CancellationToken.None).AsTask();
        var v2 = shares.TryEnterAsync("v", CancellationToken.None).AsTask();

        held.Dispose();
        var first = (await x1)!;
        Assert.False(v1.IsCompleted);
        first.Dispose();
        // X holds none again and its second request is older than V's, but X was just served.
        using (var granted = await v1)
        {
            Assert.NotNull(granted);
            Assert.False(x2.IsCompleted);
        }
        using (var granted = await x2)
        {
            Assert.NotNull(granted);
            Assert.False(v2.IsCompleted);
        }
        using (var granted = await v2)
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

    [Fact]
    public async Task A_newcomer_goes_before_a_request_resuming_after_giving_way_which_goes_before_other_queued_requests()
    {
        var shares = new FairShares(capacity: 1, perClient: 1, LongWait, othersBesideNewcomers: 1);
        var held = (await shares.TryEnterAsync("x", CancellationToken.None))!;

        // y has two requests queued (no newcomer), z resumes a build it gave way, n is a newcomer; n asked last.
        var y1 = shares.TryEnterAsync("y", CancellationToken.None).AsTask();
        var y2 = shares.TryEnterAsync("y", CancellationToken.None).AsTask();
        var z = shares.TryEnterAsync("z", resuming: true, CancellationToken.None).AsTask();
        var n = shares.TryEnterAsync("n", CancellationToken.None).AsTask();

        held.Dispose();
        using (Assert.IsAssignableFrom<IDisposable>(await n))
            Assert.False(z.IsCompleted || y1.IsCompleted);
        using (Assert.IsAssignableFrom<IDisposable>(await z))
            Assert.False(y1.IsCompleted);
        using (Assert.IsAssignableFrom<IDisposable>(await y1))
            Assert.False(y2.IsCompleted);
        (await y2)!.Dispose();
        Assert.Equal(0, shares.InUse);
    }

    [Fact]
    public async Task While_a_newcomer_waits_or_is_served_the_others_hold_at_most_their_share_and_the_holders_beyond_give_way()
    {
        var shares = new FairShares(capacity: 3, perClient: 3, LongWait, othersBesideNewcomers: 1);
        // Alone, one client may take every place, and nobody asks it to give way; its first request, made while it
        // held nothing, was a newcomer's (which never gives way).
        var a = new List<IDisposable>();
        for (var i = 0; i < 3; i++)
            a.Add((await shares.TryEnterAsync("a", CancellationToken.None))!);
        Assert.False(shares.TryBeginGivingWay(a[1]));

        // A newcomer waits: a's other holders are asked to give way as they reach a step; a's first is a newcomer's.
        var newcomer = shares.TryEnterAsync("n", CancellationToken.None).AsTask();
        Assert.False(shares.TryBeginGivingWay(a[0]));
        Assert.True(shares.TryBeginGivingWay(a[1]));
        a[1].Dispose();
        var newcomerPlace = await newcomer;
        Assert.NotNull(newcomerPlace);
        var resumed = shares.TryEnterAsync("a", resuming: true, CancellationToken.None).AsTask();
        shares.EndGivingWay();

        // Served now beside a's two: one is a newcomer's, so the others hold one, their share; nobody gives way.
        Assert.False(shares.TryBeginGivingWay(a[2]));
        Assert.False(shares.TryBeginGivingWay(newcomerPlace!));

        // a's first finishes: the freed place stays free for the newcomer's sake, for a's resuming and new requests alike.
        a[0].Dispose();
        var another = shares.TryEnterAsync("a", CancellationToken.None).AsTask();
        Assert.Equal(2, shares.InUse);
        Assert.Equal(2, shares.Waiting);
        Assert.False(resumed.IsCompleted || another.IsCompleted);

        // Once the newcomer is served, a has every place again, the resuming request first.
        newcomerPlace!.Dispose();
        var back = await resumed;
        Assert.NotNull(back);
        using (Assert.IsAssignableFrom<IDisposable>(await another))
            Assert.Equal(3, shares.InUse);
        back!.Dispose();
        a[2].Dispose();
        Assert.Equal(0, shares.InUse);
        Assert.Equal(0, shares.GivingWay);
    }

    [Fact]
    public async Task No_more_holders_give_way_at_once_than_there_are_places()
    {
        var shares = new FairShares(capacity: 2, perClient: 2, LongWait, othersBesideNewcomers: 1);
        using var first = await shares.TryEnterAsync("a", CancellationToken.None);
        using var second = (await shares.TryEnterAsync("a", CancellationToken.None))!;
        using var abandon = new CancellationTokenSource();
        var newcomer = shares.TryEnterAsync("n", abandon.Token).AsTask();

        Assert.True(shares.TryBeginGivingWay(second));
        Assert.True(shares.TryBeginGivingWay(second));
        Assert.False(shares.TryBeginGivingWay(second));
        shares.EndGivingWay();
        Assert.True(shares.TryBeginGivingWay(second));

        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => newcomer);
    }

    [Fact]
    public async Task Without_newcomer_rules_a_lone_request_waits_its_turn_like_any_other_and_nobody_gives_way()
    {
        var shares = new FairShares(capacity: 1, perClient: 1, LongWait);
        var held = (await shares.TryEnterAsync("a", CancellationToken.None))!;
        var x1 = shares.TryEnterAsync("x", CancellationToken.None).AsTask();
        var x2 = shares.TryEnterAsync("x", CancellationToken.None).AsTask();
        var lone = shares.TryEnterAsync("n", CancellationToken.None).AsTask();
        Assert.False(shares.TryBeginGivingWay(held));

        held.Dispose();
        using (Assert.IsAssignableFrom<IDisposable>(await x1))
            Assert.False(lone.IsCompleted);
        (await lone)!.Dispose();
        (await x2)!.Dispose();
    }
}
