using System.Net;
using DepinApi.Fairness;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Rest;

/// <summary>
/// A request is answered by its own work, whatever another client's identical request does: the output cache does not
/// make concurrent misses of one key wait for the first one's build, which handed its failure (a client that went away
/// mid-wait) to every request waiting with it, as a 500.
/// </summary>
public sealed class AbortedNeighbourTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    [Fact]
    public async Task A_client_that_leaves_mid_build_does_not_fail_another_clients_identical_request()
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits(
            ("Database:ImportSeedWhenEmpty", "true"),
            ("Database:SeedDirectory", RepositoryPaths.SeedData),
            ("RateLimiting:Anonymous:PointsPerWindow", "1000"),
            ("Server:ConcurrentBuilds", "1")));
        // The one build turn held, so both requests below wait for it, after the output cache has seen them.
        var gate = api.Services.GetRequiredService<FairBuildGate>();
        var held = await gate.TryEnterAsync("test-holder", CancellationToken.None);
        Assert.NotNull(held);

        using var leaving = new CancellationTokenSource();
        var first = api.GetAsync("/v1/projects?limit=7", peer: "192.0.2.10", cancellationToken: leaving.Token);
        Assert.True(await WaitUntilAsync(() => gate.Waiting == 1, TimeSpan.FromSeconds(30)));
        var second = api.GetAsync("/v1/projects?limit=7", peer: "192.0.2.11");
        // The second waits for a turn of its own; with the cache's locking it waits on the first's build instead, and
        // never reaches the gate.
        await WaitUntilAsync(() => gate.Waiting == 2, TimeSpan.FromSeconds(3));
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        held!.Dispose();

        using var answer = await second;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (!condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(10);
        }
        return true;
    }
}
