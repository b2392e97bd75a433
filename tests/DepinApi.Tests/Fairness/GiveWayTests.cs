using System.Globalization;
using System.Net;
using DepinApi.Fairness;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.RateLimiting;
using DepinApi.Tests.Reliability;
using DepinApi.Tests.Rest.Buffering;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Fairness;

/// <summary>
/// Builds that give way to newcomers between their steps (<see cref="BuildSlot.GiveWayAsync"/>) still answer whole:
/// with one turn and a step of one byte, every write of every build of the flooding clients gives the turn to a waiting
/// newcomer and waits for it again, and every answer is the one the same request gets alone.
/// </summary>
public sealed class GiveWayTests
{
    private const string Series = "/v1/projects/helium/token-prices";

    [Fact]
    public async Task Answers_built_while_giving_way_at_every_step_are_whole_and_every_turn_comes_back()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var api = new RateLimitedApi(connectionString, TestSettings.GenerousRateLimits(
            ("RateLimiting:Anonymous:PointsPerWindow", "100000"),
            ("RateLimiting:Anonymous:BurstPoints", "100000"),
            ("Rest:OutputCacheEnabled", "false"),
            ("Server:ConcurrentBuilds", "1"),
            ("Server:BuildStepBytes", "1"),
            ("Server:BuildWaitSeconds", "60")));
        using (var ready = await api.GetAsync("/v1/meta", "192.0.2.250"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await SyntheticSeries.AddAsync(connectionString, "helium", days: 3000);

        // Pages and whole-series CSV exports, each as the server answers it alone.
        var paths = Enumerable.Range(0, 6).Select(i => i % 3 == 0
            ? $"{Series}?format=csv&from=1961-0{1 + i}-01"
            : $"{Series}?limit=500&from=1962-0{1 + i}-01").ToArray();
        var alone = new Dictionary<string, byte[]>();
        foreach (var path in paths)
            alone[path] = await BodyAsync(api, path, "192.0.2.200");

        // Two flooding clients with four requests each, and six newcomers with one each, all at once.
        var requests = new List<(string Path, Task<byte[]> Body)>();
        foreach (var flooder in new[] { "192.0.2.1", "192.0.2.2" })
            for (var i = 0; i < 4; i++)
            {
                // One whole-series export per client at a time: the others ask for pages.
                var path = paths[i == 0 ? 0 : 1 + i % 2];
                requests.Add((path, BodyAsync(api, path, flooder)));
            }
        for (var n = 0; n < 6; n++)
        {
            var path = paths[n];
            requests.Add((path, BodyAsync(api, path, "192.0.2." + (100 + n).ToString(CultureInfo.InvariantCulture))));
        }

        foreach (var (path, body) in requests)
            Assert.Equal(alone[path], await body);
        var gate = api.Services.GetRequiredService<FairBuildGate>();
        await Poll.UntilAsync(() => Task.FromResult(gate.InUse == 0 && gate.Waiting == 0 && gate.GivingWay == 0),
            "every turn given back and no build left giving way");
    }

    private static async Task<byte[]> BodyAsync(RateLimitedApi api, string path, string peer)
    {
        using var response = await api.GetAsync(path, peer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
