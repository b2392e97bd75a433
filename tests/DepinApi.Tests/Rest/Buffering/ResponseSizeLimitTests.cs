using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>A REST response larger than Rest:MaxResponseBytes is refused with a problem that says how to ask for less.</summary>
public sealed class ResponseSizeLimitTests : IAsyncLifetime
{
    private const int Limit = 64 * 1024;
    private ApiFactory factory = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "false",
            ["Rest:MaxResponseBytes"] = Limit.ToString(),
            // Smaller than the limit, so the refused responses had begun spilling to a file.
            ["Rest:ResponseBufferMemoryBytes"] = "16384",
        });
        _ = factory.Services;
        await SyntheticSeries.AddAsync(connectionString, "helium", 5_000);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/v1/projects/helium/token-prices?format=csv")]
    [InlineData("/v1/projects/helium/token-prices?limit=500")]
    [InlineData("/v1/projects/helium/token-prices?limit=500&format=csv")]
    public async Task A_response_over_the_limit_is_a_400_that_says_how_to_ask_for_less(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/response-too-large", problem.GetProperty("type").GetString());
        Assert.Equal(Limit, problem.GetProperty("maxResponseBytes").GetInt64());
        Assert.Contains("`limit`", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_response_under_the_limit_is_served_whole_with_its_length()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/v1/projects/helium/token-prices?limit=40&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(41, System.Text.Encoding.UTF8.GetString(body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
