using DepinApi.RateLimiting;

namespace DepinApi.Tests.RateLimiting;

public class WindowLedgerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Fifty_parallel_tasks_never_get_more_than_the_limit_admitted()
    {
        var ledger = new WindowLedger(new ManualClock(), Minute);
        for (var round = 0; round < 200; round++)
        {
            var partition = "ip:round-" + round;
            using var start = new Barrier(50);
            var admitted = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return ledger.TryCharge(partition, 20, 1).Admitted;
            })));

            Assert.Equal(20, admitted.Count(a => a));
        }
    }

    [Fact]
    public async Task Parallel_charges_of_different_sizes_never_overspend()
    {
        var ledger = new WindowLedger(new ManualClock(), Minute);
        using var start = new Barrier(50);

        var charged = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
        {
            start.SignalAndWait();
            var cost = 1 + i % 7;
            return ledger.TryCharge("ip:x", 100, cost).Admitted ? cost : 0;
        })));

        Assert.InRange(charged.Sum(), 94, 100);
        Assert.Equal(100 - charged.Sum(), ledger.Peek("ip:x", 100).Remaining);
    }

    [Fact]
    public async Task Charges_racing_the_sweep_of_ended_windows_never_admit_more_than_the_limit_per_window()
    {
        var clock = new ManualClock();
        var ledger = new WindowLedger(clock, Minute);
        for (var window = 0; window < 20; window++)
        {
            using var start = new Barrier(50);
            var partitions = Enumerable.Range(0, 5).Select(p => $"ip:{window % 2}-{p}").ToArray();
            var admitted = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            {
                start.SignalAndWait();
                return ledger.TryCharge(partitions[i % 5], 3, 1).Admitted ? partitions[i % 5] : null;
            })));

            foreach (var partition in partitions)
                Assert.Equal(3, admitted.Count(a => a == partition));
            clock.Advance(Minute);
        }
    }

    [Fact]
    public void Ended_windows_are_dropped_so_memory_follows_recent_clients()
    {
        var clock = new ManualClock();
        var ledger = new WindowLedger(clock, Minute);
        for (var i = 0; i < 1_000; i++)
            ledger.TryCharge("ip:10.0." + i, 5, 1);
        Assert.Equal(1_000, ledger.PartitionCount);

        clock.Advance(Minute);
        ledger.TryCharge("ip:new", 5, 1);

        Assert.Equal(1, ledger.PartitionCount);
    }

    [Fact]
    public void Looking_at_a_budget_neither_spends_nor_opens_a_window()
    {
        var clock = new ManualClock();
        var ledger = new WindowLedger(clock, Minute);

        var state = ledger.Peek("ip:a", 5);

        Assert.Equal(5, state.Remaining);
        Assert.Equal(0, ledger.PartitionCount);
    }

    [Fact]
    public void A_refused_charge_spends_nothing()
    {
        var ledger = new WindowLedger(new ManualClock(), Minute);
        ledger.TryCharge("ip:a", 5, 4);

        var refused = ledger.TryCharge("ip:a", 5, 2);
        var fits = ledger.TryCharge("ip:a", 5, 1);

        Assert.False(refused.Admitted);
        Assert.True(fits.Admitted);
        Assert.Equal(0, fits.Remaining);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64")]
    public void Partitions_are_addresses_and_IPv6_prefixes(string address, string partition) =>
        Assert.Equal(partition, IpPartition.Of(System.Net.IPAddress.Parse(address), 64));
}
