using System.Net;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Security.HostileInput;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DepinApi.Tests.Rest;

/// <summary>
/// The host in permalinks, citations, page.next and Link headers is the operator's (Server:PublicBaseUrl
/// or a vetted AllowedHosts entry), never a Host header a client made up, in fresh and in cached answers.
/// </summary>
public sealed class PublicBaseUrlTests : IAsyncLifetime
{
    private const string Forged = "attacker.example";

    // Each shows an absolute URL of its own kind: a permalink and citation, a Link header and page.next,
    // change URLs, sector links.
    private static readonly string[] Urls =
    [
        "/v1/projects/aethir/revenue?limit=1", "/v1/revenue/aethir-2025q2-quarterly-revenue?format=csv",
        "/v1/projects?limit=2", "/v1/changes?limit=2", "/v1/sectors?limit=2", "/v1/projects/aethir",
    ];

    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var seeded = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        });
        seeded.CreateClient().Dispose();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task With_a_public_base_url_a_forged_host_appears_nowhere_even_after_it_was_cached_first()
    {
        await using var factory = Factory(("Server:PublicBaseUrl", "https://data.example.org/depin/"));
        using var forged = Client(factory, Forged);
        using var honest = Client(factory, "localhost");

        foreach (var url in Urls)
        {
            var (forgedLinks, forgedBody) = await GetAsync(forged, url);
            var (links, body) = await GetAsync(honest, url);
            var (againLinks, againBody) = await GetAsync(forged, url);

            foreach (var text in new[] { forgedLinks, forgedBody, links, body, againLinks, againBody })
                Assert.DoesNotContain(Forged, text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("https://data.example.org/depin/v1/", forgedBody);
            Assert.Equal(body, forgedBody);
        }
        var (link, page) = await GetAsync(forged, "/v1/projects?limit=2");
        Assert.StartsWith("<https://data.example.org/depin/v1/projects?limit=2&cursor=", link);
        Assert.StartsWith("https://data.example.org/depin/v1/projects?", JsonDocument.Parse(page).RootElement.GetProperty("page").GetProperty("next").GetString());
    }

    [Fact]
    public async Task Without_a_base_url_or_a_host_list_links_are_relative_outside_development()
    {
        await using var factory = Factory(("Server:PublicBaseUrl", ""));
        using var forged = Client(factory, Forged);

        var (link, body) = await GetAsync(forged, "/v1/projects/aethir/revenue?limit=1");
        var figure = JsonDocument.Parse(body).RootElement.GetProperty("data")[0];

        Assert.DoesNotContain(Forged, link + body, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("</v1/projects/aethir/revenue?limit=1&cursor=", link);
        Assert.StartsWith("/v1/revenue/", figure.GetProperty("permalink").GetString());
        Assert.EndsWith(figure.GetProperty("permalink").GetString()!, figure.GetProperty("citation").GetString());
    }

    [Theory]
    [InlineData("localhost:5080", "http://localhost:5080")]
    [InlineData("127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("[::1]:5080", "http://[::1]:5080")]
    [InlineData("app.LOCALHOST", "http://app.localhost")]
    [InlineData(Forged, "")]
    [InlineData("127.0.0.1.example.org", "")]
    public async Task In_development_without_a_host_list_only_a_loopback_host_names_itself(string host, string expectedBase)
    {
        await using var factory = Factory(("Server:PublicBaseUrl", ""), ("environment", "Development"));
        using var client = Client(factory, host);

        var (link, body) = await GetAsync(client, "/v1/projects/aethir/revenue?limit=1");
        var permalink = JsonDocument.Parse(body).RootElement.GetProperty("data")[0].GetProperty("permalink").GetString();

        Assert.StartsWith($"<{expectedBase}/v1/projects/aethir/revenue?limit=1&cursor=", link);
        Assert.StartsWith($"{expectedBase}/v1/revenue/", permalink);
        if (expectedBase.Length == 0)
            Assert.DoesNotContain(host, link + body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_a_host_list_other_hosts_are_refused_and_listed_ones_name_themselves()
    {
        await using var factory = Factory(("Server:PublicBaseUrl", ""), ("AllowedHosts", "api.example.org"));
        using var forged = Client(factory, Forged);
        using var listed = Client(factory, "API.example.org");

        using var refused = await forged.GetAsync("/v1/projects?limit=2");
        var (link, body) = await GetAsync(listed, "/v1/projects?limit=2");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("<http://api.example.org/v1/projects?limit=2&cursor=", link);
        Assert.Contains("\"http://api.example.org/v1/projects/", body);
    }

    [Theory]
    [InlineData("HTTP/1.0", "")]
    [InlineData("HTTP/1.1", "Host: \r\n")]
    public async Task A_request_that_names_no_host_gets_relative_links_where_its_host_would_be_used(string version, string hostLine)
    {
        await using var factory = Factory(("Server:PublicBaseUrl", ""), ("AllowedHosts", "api.example.org"));
        factory.UseKestrel(0);
        factory.StartServer();
        using var socket = factory.CreateClient();

        var response = await RawHttp.SendAsync(socket.BaseAddress!,
            RawHttp.Bytes($"GET /v1/projects?limit=2 {version}\r\n{hostLine}Connection: close\r\n"));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("</v1/projects?limit=2&cursor=", response.Headers["link"]);
        Assert.StartsWith("/v1/projects?", JsonDocument.Parse(response.Body).RootElement.GetProperty("page").GetProperty("next").GetString());
        Assert.DoesNotContain(":///", response.Headers["link"] + response.Body);
    }

    [Fact]
    public void A_malformed_public_base_url_stops_the_start()
    {
        using var factory = Factory(("Server:PublicBaseUrl", "data.example.org/api?x=1"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Server:PublicBaseUrl", error.ToString());
    }

    private ApiFactory Factory(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(RestApiFixture.Settings);
        foreach (var (key, value) in settings)
            all[key] = value;
        return new ApiFactory(connectionString, all);
    }

    private static HttpClient Client(ApiFactory factory, string host) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}") });

    private static async Task<(string Links, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return (response.Headers.TryGetValues("Link", out var links) ? string.Join(",", links) : "", body);
    }
}
