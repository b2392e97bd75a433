using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Database;
using DepinApi.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// Postgres stopped under a running service: requests get 503 problem+json within the command
/// timeout, readiness fails, and the service recovers by itself once Postgres is back.
/// </summary>
public sealed class DatabaseOutageTests(PrivateClusterApi api, ITestOutputHelper output) : IClassFixture<PrivateClusterApi>
{
    // Generous: the bound under test is the service's own command timeout; this only keeps a hang from stalling the run.
    private static CancellationToken Patience => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    private static readonly string[] DatabasePaths = [DatabaseProbe.Path, "/readyz", "/v1/projects?limit=3", "/v1/meta"];

    // Asked once before the outage, so the output cache holds it.
    private const string CachedPath = "/v1/projects/helium";

    [Fact]
    public async Task Requests_during_an_outage_get_503_and_the_service_recovers_when_postgres_returns()
    {
        using var client = api.Factory.CreateClient();
        // A healthy service before the outage (readiness among the paths). The class's other tests stop Postgres and
        // lock tables too, and the service may have just started: the precondition waits for health, the assertions
        // under test below do not.
        foreach (var path in DatabasePaths)
            await OnceItIsAsync(client, path, ok: true);
        var cachedBefore = await client.GetStringAsync(CachedPath, Patience);

        var cluster = await api.ClusterAsync();
        await cluster.StopAsync();
        try
        {
            // Many at once: none may hang, none may become a 500.
            var during = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.GetAsync(Uncached(i), Patience)));
            foreach (var response in during)
                await AssertDatabaseUnavailableAsync(response);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Patience)).StatusCode);
            // A response the output cache holds needs no database.
            var cached = await client.GetAsync(CachedPath, Patience);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal(cachedBefore, await cached.Content.ReadAsStringAsync());
            // The outage lasts until readiness has seen it, as a real one does.
            await ReadinessOnceItIsAsync(client, ok: false);
        }
        finally
        {
            await cluster.RestartAsync();
        }

        // Once readiness says so, every request is served: the pooled connections the outage broke are gone with it
        // (ReadinessState clears the pool), none is left to fail a client's request first.
        await ReadinessOnceItIsAsync(client, ok: true);
        for (var i = 0; i < 10; i++)
            foreach (var path in DatabasePaths)
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path, Patience)).StatusCode);
    }

    [Fact]
    public async Task Readiness_turns_503_soon_after_postgres_stops_and_200_once_it_is_back()
    {
        using var client = api.Factory.CreateClient();
        // Ready before the outage: the fixture may have only just started the service, whose first readiness check can
        // still be under way. A precondition, as in the other tests; the timings under test start at the stop.
        await ReadinessOnceItIsAsync(client, ok: true);
        var cluster = await api.ClusterAsync();

        await cluster.StopAsync();
        var stopped = Stopwatch.StartNew();
        HttpResponseMessage during;
        try
        {
            during = await ReadinessOnceItIsAsync(client, ok: false);
            stopped.Stop();
        }
        finally
        {
            await cluster.RestartAsync();
        }
        var restarted = Stopwatch.StartNew();
        await ReadinessOnceItIsAsync(client, ok: true);
        restarted.Stop();

        await AssertDatabaseUnavailableAsync(during);
        output.WriteLine($"503 after {stopped.ElapsedMilliseconds} ms, 200 again after {restarted.ElapsedMilliseconds} ms");
        // One background check a second: a few seconds is the bound, with room for a loaded machine.
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(5), $"readiness took {stopped.Elapsed} to notice the outage");
        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(10), $"readiness took {restarted.Elapsed} to recover");
    }

    private static Task<HttpResponseMessage> ReadinessOnceItIsAsync(HttpClient client, bool ok) => OnceItIsAsync(client, "/readyz", ok);

    /// <summary>Asks <paramref name="path"/> until it answers 200 (<paramref name="ok"/>) or anything else.</summary>
    private static async Task<HttpResponseMessage> OnceItIsAsync(HttpClient client, string path, bool ok)
    {
        var patience = Patience;
        while (true)
        {
            var response = await client.GetAsync(path, patience);
            if ((response.StatusCode == HttpStatusCode.OK) == ok)
                return response;
            response.Dispose();
            await Task.Delay(50, patience);
        }
    }

    // The command timeout of the lock test's own instance; the class's service is patient (PrivateClusterApi).
    private const int ShortCommandTimeoutSeconds = 2;

    [Fact]
    public async Task A_query_stuck_behind_a_lock_gets_503_once_the_command_timeout_passes()
    {
        await using var impatient = api.WithCommandTimeout(ShortCommandTimeoutSeconds);
        using var client = impatient.CreateClient();
        // Serving before the lock, so that the query below waits for the lock and not for a login on a loaded machine.
        await OnceItIsAsync(client, DatabaseProbe.Path, ok: true);
        var owner = api.Factory.Services.GetRequiredService<DatabaseStartup>().Connections.Owner;
        await using var projects = await TableLock.HoldAsync(owner, "projects", "ACCESS EXCLUSIVE");

        var response = await client.GetAsync(DatabaseProbe.Path, Patience);

        await AssertDatabaseUnavailableAsync(response);
        await projects.ReleaseAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(DatabaseProbe.Path, Patience)).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes; the private cluster is Unix-only anyway
    public async Task The_private_cluster_serves_through_a_reader_login_of_its_own()
    {
        // As in the outage test: the class's other tests stop Postgres and lock tables, and the service may have just
        // started. A healthy service first; the assertions do not wait.
        using (var client = api.Factory.CreateClient())
            foreach (var path in DatabasePaths)
                await OnceItIsAsync(client, path, ok: true);
        var dataSource = api.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.Equal(EmbeddedPostgres.ReaderLogin, await WriteAttempts.ScalarAsync<string>(dataSource, "SELECT current_user"));
        foreach (var sql in WriteAttempts.Statements)
            await WriteAttempts.AssertRefusedAsync(dataSource, sql);
        var passwordFile = api.ClusterOptions.DataDirectory + ".reader-password";
        Assert.True(File.Exists(passwordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
    }

    // URLs asked for the first time, so that no answer can come from the output cache.
    private static string Uncached(int i) => (i % 4) switch
    {
        0 => DatabaseProbe.Path,
        1 => $"/v1/sources?limit={4 + i}",
        2 => $"/v1/projects?limit={4 + i}",
        _ => $"/v1/projects?sort=name&limit={4 + i}",
    };

    private static async Task AssertDatabaseUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/database-unavailable", problem.GetProperty("type").GetString());
    }
}
