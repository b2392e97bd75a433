using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;

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
    public async Task Readyz_reports_no_data_version_for_an_empty_database()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());
        using var client = factory.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/readyz");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("dataVersion").ValueKind);
    }

    [Fact]
    public async Task Healthz_answers_while_the_process_is_up()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_is_503_problem_json_when_the_database_is_unreachable()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString);
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
    }
}
