using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Import;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;
using DepinApi.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DepinApi.Tests.Health;

public class HealthEndpointTests
{
    [Fact]
    public async Task Readyz_names_the_schema_and_data_version_once_the_seed_data_is_imported()
    {
        await using var factory = await ApiFactory.WithSeedDataAsync();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(DepinApi.Database.Migrator.LatestVersion, body.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(1, body.GetProperty("dataVersion").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Readyz_is_503_no_data_over_an_empty_database_and_200_once_an_import_lands_without_a_restart()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var log = new LogCapture();
        await using var factory = new ApiFactory(connectionString)
            .WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(log)));
        using var client = factory.CreateClient();

        using var empty = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/no-data", problem.GetProperty("type").GetString());
        // The probe refuses traffic with the very answer a data request gets: the same problem and the same headers.
        using var data = await client.GetAsync("/v1/projects");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, data.StatusCode);
        var dataProblem = await data.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var member in new[] { "type", "title", "status", "detail" })
            Assert.Equal(dataProblem.GetProperty(member).ToString(), problem.GetProperty(member).ToString());
        foreach (var header in new[] { "Retry-After", "Cache-Control" })
            Assert.Equal(HeaderValues(data, header), HeaderValues(empty, header));
        Assert.True(empty.Headers.CacheControl?.NoStore);

        // A few background checks (one a second) find the database still empty; then data is imported under the
        // running server, as `DepinApi import` would, and nothing tells the server but its own checks.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await using (var owner = NpgsqlDataSource.Create(connectionString))
        {
            var imported = await new SeedImporter(owner).ImportAsync(RepositoryPaths.SeedData, CancellationToken.None);
            Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        }
        var clock = Stopwatch.StartNew();
        // Polled faster than the probe allowance (10 a second): its 429s are not the answer, as a 503 is not yet.
        using var ready = await Poll.UntilAsync(async () =>
        {
            var answer = await client.GetAsync("/readyz");
            if (answer.StatusCode == HttpStatusCode.OK)
                return answer;
            answer.Dispose();
            return null;
        }, "readiness to see the import");
        clock.Stop();

        // One check a second: a few seconds is the bound, with room for a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"readiness took {clock.Elapsed} to see the import");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("dataVersion").GetProperty("id").GetInt32());
        // More checks pass: each change is logged once, not at every check.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var readiness = log.Entries.Where(e => e.Category == typeof(DepinApi.Health.ReadinessState).FullName).ToList();
        Assert.Single(readiness, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Not ready: no data imported yet.", StringComparison.Ordinal));
        Assert.Single(readiness, e => e.Level == LogLevel.Information && e.Message.StartsWith("Ready again:", StringComparison.Ordinal));
        Assert.Equal(2, readiness.Count);
    }

    private static string HeaderValues(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "(none)";

    [Fact]
    public async Task Healthz_answers_while_the_process_is_up()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/healthz", "If-Match", "\"a-tag\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("/readyz", "If-Match", "\"a-tag\", W/\"another\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("/healthz", "If-Match", "*", HttpStatusCode.OK)]
    [InlineData("/readyz", "If-None-Match", "*", HttpStatusCode.NotModified)]
    [InlineData("/healthz", "If-None-Match", "\"a-tag\"", HttpStatusCode.OK)]
    [InlineData("/readyz", "If-Match", "\"a\"\"b\"", HttpStatusCode.OK)]
    public async Task A_probe_s_answer_carries_no_tag_so_a_listed_if_match_fails_and_star_holds(string url, string header,
        string value, HttpStatusCode expected)
    {
        await using var factory = await ApiFactory.WithSeedDataAsync();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.PreconditionFailed)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("/problems/precondition-failed", problem.GetProperty("type").GetString());
            Assert.Equal(url, problem.GetProperty("path").GetString());
        }
    }

    [Fact]
    public async Task Readyz_is_503_problem_json_when_the_database_is_unreachable()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        // With data: an empty database is already not ready (no-data), and this test is about losing the database.
        await using var factory = ApiFactory.WithSeedData(connectionString);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        // Drop the database under the running service: every new connection now fails.
        await TestPostgres.DropDatabaseAsync(connectionString);

        // Readiness is checked in the background once a second; the next check finds the database gone. Polled
        // faster than the probe allowance (10 a second), a slow check would be outrun: its 429s are not the answer.
        var response = await Poll.UntilAsync(async () =>
        {
            var answer = await client.GetAsync("/readyz");
            return answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests ? null : answer;
        }, "readiness to notice the database is gone");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/database-unavailable", problem.GetProperty("type").GetString());
        // The driver's own message names the database and server; an anonymous client never sees it.
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!, detail);
        Assert.DoesNotContain("54", detail);
        // A precondition never hides the outage (RFC 9110 13.2.1: only a 2xx answer is made conditional). The polling
        // above may have spent this second's probe allowance: a 429 is waited out, as there.
        foreach (var (header, value) in new[] { ("If-Match", "\"a-tag\""), ("If-None-Match", "*") })
        {
            using var answer = await Poll.UntilAsync(async () =>
            {
                using var conditional = new HttpRequestMessage(HttpMethod.Get, "/readyz");
                conditional.Headers.TryAddWithoutValidation(header, value);
                var sent = await client.SendAsync(conditional);
                if (sent.StatusCode is not HttpStatusCode.TooManyRequests)
                    return sent;
                sent.Dispose();
                return null;
            }, $"an answer to /readyz with {header} beside the probe allowance");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        }
    }
}
