using DepinApi.RateLimiting;

namespace DepinApi.Tests.RateLimiting;

public class TokenBucketLedgerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // 1,000 points a minute refilled, at most 200 at once: the anonymous default.
    private static readonly BucketRate Anonymous = new(BurstPoints: 200, PointsPerWindow: 1_000, WindowMilliseconds: 60_000);

    [Fact]
    public async Task Fifty_parallel_admissions_never_get_more_than_the_burst_admitted()
    {
        var ledger = new TokenBucketLedger(new ManualClock(), Minute);
        var rate = Anonymous with { BurstPoints = 20 };
        for (var round = 0; round < 200; round++)
        {
            var partition = "ip:round-" + round;
            using var start = new Barrier(50);
            var admitted = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return ledger.TryCharge(partition, rate, 1).Admitted;
            })));

            Assert.Equal(20, admitted.Count(a => a));
        }
    }

    [Fact]
    public async Task Parallel_charges_of_different_sizes_overspend_the_balance_by_less_than_one_charge()
    {
        var ledger = new TokenBucketLedger(new ManualClock(), Minute);
        var rate = Anonymous with { BurstPoints = 100 };
        using var start = new Barrier(50);

        var charged = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
        {
            start.SignalAndWait();
            var cost = 1 + i % 7;
            return ledger.TryCharge("ip:x", rate, cost).Admitted ? cost : 0;
        })));

        // Each admitted charge found the balance above zero: the last one took it at most 6 points below.
        Assert.InRange(charged.Sum(), 100, 106);
        Assert.Equal(rate.Capacity - rate.UnitsOf(charged.Sum()), ledger.Peek("ip:x", rate).Balance);
    }

    [Fact]
    public void A_burst_is_spent_then_refused_then_refilled_continuously_up_to_the_burst_and_no_further()
    {
        var clock = new ManualClock();
        var ledger = new TokenBucketLedger(clock, Minute);
        for (var i = 0; i < 200; i++)
            Assert.True(ledger.TryCharge("ip:a", Anonymous, 1).Admitted);

        var refused = ledger.TryCharge("ip:a", Anonymous, 1);
        Assert.False(refused.Admitted);
        Assert.Equal(0, refused.Balance);
        Assert.Equal(TimeSpan.FromMilliseconds(1), refused.PositiveAt - refused.At);
        Assert.Equal(TimeSpan.FromSeconds(12), refused.FullAt - refused.At);

        // 1,000 a minute is one point per 60 ms: 600 ms refill 10 points.
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(10, ledger.Peek("ip:a", Anonymous).Remaining);
        Assert.Equal(10, Enumerable.Range(0, 11).Count(_ => ledger.TryCharge("ip:a", Anonymous, 1).Admitted));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(200, ledger.Peek("ip:a", Anonymous).Remaining);
        Assert.Equal(Anonymous.Capacity, ledger.Peek("ip:a", Anonymous).Balance);
    }

    [Fact]
    public void One_charge_above_the_burst_runs_from_a_positive_balance_into_debt_and_the_debt_is_repaid_at_the_rate()
    {
        var clock = new ManualClock();
        var ledger = new TokenBucketLedger(clock, Minute);
        Assert.True(ledger.TryCharge("ip:a", Anonymous, 1).Admitted);

        // A GraphQL query of cost 1,000 (its admission point already paid) from 199 left: 800 owed.
        var debt = ledger.TryCharge("ip:a", Anonymous, 999, alreadyPaid: 1);

        Assert.True(debt.Admitted);
        Assert.Equal(-800 * 60_000, debt.Balance);
        Assert.Equal(0, debt.Remaining);
        Assert.Equal(TimeSpan.FromMilliseconds(800 * 60 + 1), debt.PositiveAt - debt.At);
        Assert.Equal(TimeSpan.FromMilliseconds(1_000 * 60), debt.FullAt - debt.At);
        // Neither the next admission nor another request's later charge gets through while in debt.
        Assert.False(ledger.TryCharge("ip:a", Anonymous, 1).Admitted);
        Assert.False(ledger.TryCharge("ip:a", Anonymous, 5, alreadyPaid: 1).Admitted);

        clock.Advance(TimeSpan.FromMilliseconds(800 * 60));
        Assert.False(ledger.TryCharge("ip:a", Anonymous, 1).Admitted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(ledger.TryCharge("ip:a", Anonymous, 1).Admitted);
    }

    [Fact]
    public void Over_a_long_run_no_client_spends_more_than_the_burst_plus_the_rate_plus_one_charge()
    {
        var clock = new ManualClock();
        var ledger = new TokenBucketLedger(clock, Minute);
        var random = new Random(14);
        long spent = 0;
        // Ten minutes of a client asking every 10 ms for 1 to 300 points.
        for (var ms = 0; ms < 600_000; ms += 10)
        {
            var cost = random.Next(1, 301);
            if (ledger.TryCharge("ip:a", Anonymous, cost).Admitted)
                spent += cost;
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(spent, 10 * 1_000, 200 + 10 * 1_000 + 300);
    }

    [Fact]
    public void Full_buckets_are_dropped_so_memory_follows_clients_still_refilling()
    {
        var clock = new ManualClock();
        var ledger = new TokenBucketLedger(clock, Minute);
        for (var i = 0; i < 1_000; i++)
            ledger.TryCharge("ip:10.0." + i, Anonymous, 1);
        Assert.Equal(1_000, ledger.PartitionCount);

        clock.Advance(Minute);
        ledger.TryCharge("ip:new", Anonymous, 1);

        Assert.Equal(1, ledger.PartitionCount);
    }

    [Fact]
    public void Looking_at_a_budget_neither_spends_nor_keeps_a_bucket()
    {
        var ledger = new TokenBucketLedger(new ManualClock(), Minute);

        var state = ledger.Peek("ip:a", Anonymous);

        Assert.Equal(200, state.Remaining);
        Assert.Equal(0, ledger.PartitionCount);
    }

    [Fact]
    public void A_refused_charge_spends_nothing()
    {
        var ledger = new TokenBucketLedger(new ManualClock(), Minute);
        var rate = Anonymous with { BurstPoints = 5 };
        ledger.TryCharge("ip:a", rate, 6);

        var refused = ledger.TryCharge("ip:a", rate, 2);

        Assert.False(refused.Admitted);
        Assert.Equal(rate.UnitsOf(-1), refused.Balance);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64")]
    public void Partitions_are_addresses_and_IPv6_prefixes(string address, string partition) =>
        Assert.Equal(partition, IpPartition.Of(System.Net.IPAddress.Parse(address), 64));
}
