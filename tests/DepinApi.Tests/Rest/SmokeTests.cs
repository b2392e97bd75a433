using System.Net;

namespace DepinApi.Tests.Rest;

public class SmokeTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/v1/projects")]
    [InlineData("/v1/projects/aethir")]
    [InlineData("/v1/projects/aethir/revenue")]
    [InlineData("/v1/projects/aethir/revenue/2025Q2")]
    [InlineData("/v1/revenue?metric=annualized_external_revenue")]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue")]
    [InlineData("/v1/projects/helium/settlement-mix")]
    [InlineData("/v1/settlement-mix")]
    [InlineData("/v1/projects/helium/token-prices")]
    [InlineData("/v1/token-prices")]
    [InlineData("/v1/projects/aethir/metrics")]
    [InlineData("/v1/sector-figures")]
    [InlineData("/v1/sectors")]
    [InlineData("/v1/sources")]
    [InlineData("/v1/sources/blockeden-early-2026")]
    [InlineData("/v1/changes")]
    [InlineData("/v1/meta")]
    public async Task Every_resource_answers_as_json_and_csv(string url)
    {
        using var json = await api.Client.GetAsync(url);
        var body = await json.Content.ReadAsStringAsync();
        Assert.True(json.StatusCode == HttpStatusCode.OK, body);
        using var csv = await api.Client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "format=csv");
        var csvBody = await csv.Content.ReadAsStringAsync();
        Assert.True(csv.StatusCode == HttpStatusCode.OK, csvBody);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_instant_reads_the_same_in_json_and_csv()
    {
        var json = System.Text.Json.JsonDocument.Parse(await api.Client.GetStringAsync("/v1/meta")).RootElement.GetProperty("data");
        var csv = (await api.Client.GetStringAsync("/v1/meta?format=csv")).Split("\r\n")[1].Split(',');

        var lastImport = json.GetProperty("lastImport").GetString()!;
        Assert.Equal(csv[1], lastImport);
        Assert.EndsWith("Z", lastImport);
        Assert.Equal(lastImport, json.GetProperty("dataVersion").GetProperty("importedAt").GetString());
    }
}
