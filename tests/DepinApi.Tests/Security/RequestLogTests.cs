using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DepinApi.Tests.Security;

/// <summary>
/// One structured log entry per request (ASP.NET Core's HTTP logging), carrying the request id; no secret ever reaches
/// the log.
/// </summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Requests_are_logged_with_their_id_and_without_keys_or_connection_secrets()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var databasePassword = new NpgsqlConnectionStringBuilder(connectionString).Password!;
        const string apiKey = "k3y-that-must-not-be-logged";
        const string bearer = "b3arer-that-must-not-be-logged";
        const string querySecret = "qu3ry-that-must-not-be-logged";
        var capture = new LogCapture();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        })
            .WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = factory.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/readyz?api_key={querySecret}");
        request.Headers.Add("X-Api-Key", apiKey);
        request.Headers.Add("Authorization", "Bearer " + bearer);
        var response = await client.SendAsync(request);
        await client.GetAsync("/no-such-path");
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        proxied.Headers.Add("X-Request-Id", "proxy-7f3a.42");
        await client.SendAsync(proxied);
        var requestId = SecurityHeadersTests.Header(response, "X-Request-Id");

        var line = Assert.Single(capture.Entries, e => e.Properties.GetValueOrDefault("Path") == "/readyz");
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("GET", line.Properties["Method"]);
        Assert.Equal("200", line.Properties["StatusCode"]);
        Assert.Contains("RequestId=" + requestId, line.Scopes);
        Assert.Single(capture.Entries, e => e.Properties.GetValueOrDefault("Path") == "/no-such-path" && e.Properties["StatusCode"] == "404");
        // An id taken from a proxy is carried too, beside the server's own.
        Assert.Contains("RequestId=proxy-7f3a.42", Assert.Single(capture.Entries, e => e.Properties.GetValueOrDefault("Path") == "/healthz").Scopes);
        // Start-up (migration, import, the data source) logged too; none of it may carry a secret.
        Assert.True(capture.Entries.Count > 2);
        foreach (var entry in capture.Entries)
            foreach (var secret in new[] { databasePassword, apiKey, bearer, querySecret, "Password=" })
                Assert.DoesNotContain(secret, entry.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Refusals_at_admission_are_logged_at_most_a_few_a_second_and_other_responses_every_time()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var capture = new LogCapture();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "2",
            ["RateLimiting:Anonymous:BurstPoints"] = "2",
            ["RateLimiting:WindowSeconds"] = "86400",
            // Unpaced, so that refusals come faster than they are logged (paced, each would be logged).
            ["RateLimiting:RefusalPacing:MaxHoldMilliseconds"] = "0",
        })
            .WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = factory.CreateClient();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var refused = 0;
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync("/v1/meta");
            refused += response.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? 1 : 0;
        }
        var seconds = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);
        using var probe = await client.GetAsync("/healthz");

        bool Logged(LogCapture.Entry e, string path, string status) =>
            e.Properties.GetValueOrDefault("Path") == path && e.Properties.GetValueOrDefault("StatusCode") == status;
        var refusalLines = capture.Entries.Count(e => Logged(e, "/v1/meta", "429"));
        Assert.True(refused > 150, $"{refused} refused");
        Assert.InRange(refusalLines, 1, DepinApi.Observability.RefusalLogSampling.LinesPerSecond * (seconds + 1));
        Assert.True(refusalLines < refused, $"{refusalLines} lines for {refused} refusals");
        Assert.Equal(200 - refused, capture.Entries.Count(e => Logged(e, "/v1/meta", "200")));
        Assert.Single(capture.Entries, e => Logged(e, "/healthz", "200"));
    }
}
