using System.Net;
using System.Text.Json;
using DepinApi.Benchmarking;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Benchmarking;

public class BenchmarkEndpointTests
{
    [Fact]
    public async Task The_ceiling_endpoint_does_not_exist_unless_configured()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());
        using var client = factory.CreateClient();

        var response = await client.GetAsync(BenchmarkEndpoints.CeilingPath);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_the_flag_on_the_ceiling_endpoint_answers_a_fixed_1_KB_JSON_body()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync(),
            new Dictionary<string, string?> { ["Benchmarking:Enabled"] = "true" });
        using var client = factory.CreateClient();

        var first = await client.GetAsync(BenchmarkEndpoints.CeilingPath);
        var second = await client.GetByteArrayAsync(BenchmarkEndpoints.CeilingPath);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var body = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(1024, body.Length);
        Assert.Equal(body, second);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("ceiling").GetBoolean());
    }
}
