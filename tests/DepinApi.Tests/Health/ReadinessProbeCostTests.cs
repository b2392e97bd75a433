using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Health;

/// <summary>
/// /readyz answers from the background check's latest result and /healthz never asks the database:
/// a flood of probes sends no SQL and takes no pooled connection. Counted with Npgsql's own tracing (<see cref="SentCommands"/>).
/// </summary>
public sealed class ReadinessProbeCostTests
{
    [Fact]
    public async Task Concurrent_readiness_and_liveness_probes_send_nothing_to_the_database()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            // The check ran once at start; none falls inside the burst below.
            ["Database:ReadinessCheckSeconds"] = "3600",
            // All 200 come from one address; its probe allowance (ProbeAllowanceTests) is not what this test measures.
            ["RateLimiting:ProbeRequestsPerSecond"] = "1000",
        });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        using var commands = new SentCommands(connectionString);
        // The listener sees this database's commands: a query through the API is one.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/projects?limit=2")).StatusCode);
        Assert.NotEqual(0, commands.Count);
        commands.Clear();

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.GetAsync(i % 2 == 0 ? "/readyz" : "/healthz")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(0, commands.Count);
    }
}
