using System.Diagnostics.Metrics;
using DepinApi.RateLimiting;
using DepinApi.Redis;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// The Redis script and the in-process ledger are one model written twice: given the same charges at the same times
/// (the test's clock passed to both), they must reach the same balance and the same decisions, step by step.
/// </summary>
public sealed class BucketStoreAgreementTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private readonly IOptions<RateLimitingOptions> _options = Options.Create(new RateLimitingOptions { WindowSeconds = 60 });
    private ServiceProvider _services = null!;
    private ConnectionMultiplexer _redis = null!;
    private InProcessBudgetStore _local = null!;
    private RedisBudgetStore _shared = null!;

    public async Task InitializeAsync()
    {
        var redis = await TestRedis.Shared;
        _redis = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _local = new InProcessBudgetStore(_options, _clock);
        _shared = new RedisBudgetStore(_redis, new InProcessBudgetStore(_options, _clock), _options,
            // Generous, so a busy machine does not send a step to the fallback and blur what is compared.
            Options.Create(new RedisOptions { KeyPrefix = TestRedis.NewKeyPrefix(), TimeoutMilliseconds = 10_000 }),
            _clock, NullLogger<RedisBudgetStore>.Instance, _services.GetRequiredService<IMeterFactory>());
    }

    public async Task DisposeAsync()
    {
        _local.Dispose();
        await _services.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Theory]
    [InlineData(1_000, 200)]
    // A rate that does not divide the window: fractions of a point refill every millisecond.
    [InlineData(7, 3)]
    public async Task Both_stores_decide_the_same_sequence_of_admissions_and_charges_alike(long pointsPerWindow, long burst)
    {
        var client = new ClientIdentity("ip:agree-" + pointsPerWindow, "client", pointsPerWindow, burst, ConcurrentRequests: 1_000);
        var random = new Random(1_414);
        var (admitted, refused, indebted) = (0, 0, 0);
        for (var step = 0; step < 400; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 4) == 0 ? random.Next(0, 30_000) : random.Next(0, 200)));
            BucketState local, shared;
            if (random.Next(2) == 0)
            {
                var a = _local.Admit(client, 1);
                var b = await _shared.AdmitAsync(client, 1, CancellationToken.None);
                a.InFlight?.Dispose();
                b.InFlight?.Dispose();
                Assert.Equal(a.Outcome, b.Outcome);
                (local, shared) = (a.Bucket, b.Bucket);
            }
            else
            {
                var points = random.Next(1, (int)Math.Max(2, burst * 2));
                var paid = random.Next(0, 3);
                local = (await _local.ChargeAsync(client, points, paid, CancellationToken.None))!.Value;
                shared = (await _shared.ChargeAsync(client, points, paid, CancellationToken.None))!.Value;
            }
            Assert.True(local.Admitted == shared.Admitted, $"step {step}: in process {local}, Redis {shared}");
            Assert.Equal(local.Balance, shared.Balance);
            admitted += local.Admitted ? 1 : 0;
            refused += local.Admitted ? 0 : 1;
            indebted += local.Balance < 0 ? 1 : 0;
        }

        Assert.Equal(0, _shared.UnavailableCount);
        // The sequence went through every case: admitted, refused, and in debt.
        Assert.True(admitted > 50 && refused > 50 && indebted > 50, $"{admitted} admitted, {refused} refused, {indebted} in debt");
    }

    [Fact]
    public async Task Fifty_parallel_charges_in_redis_overspend_the_balance_by_less_than_one_charge()
    {
        var client = new ClientIdentity("ip:parallel", "client", PointsPerWindow: 1_000_000, BurstPoints: 100, ConcurrentRequests: 1_000);
        using var start = new Barrier(50);

        var charged = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait();
            var cost = 1 + i % 7;
            return (await _shared.ChargeAsync(client, cost, 0, CancellationToken.None))!.Value.Admitted ? cost : 0;
        })));

        Assert.InRange(charged.Sum(), 100, 106);
        var after = (await _shared.ChargeAsync(client, 0, 1_000, CancellationToken.None))!.Value;
        var rate = BucketRate.Of(client, TimeSpan.FromSeconds(60));
        Assert.Equal(rate.Capacity - rate.UnitsOf(charged.Sum()), after.Balance);
    }
}
