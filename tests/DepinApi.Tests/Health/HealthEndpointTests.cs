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
