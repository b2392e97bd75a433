using System.Net;
using System.Text.Json;
using DepinApi.Screening;

namespace DepinApi.Tests.Screening;

/// <summary>The screening and sector-analytics routes through HTTP: JSON, CSV, filters, errors and asOf.</summary>
public sealed class ScreeningApiTests(ScreeningApiFixture api) : IClassFixture<ScreeningApiFixture>
{
    private static decimal? Composite(JsonElement screening) =>
        screening.GetProperty("composite").ValueKind == JsonValueKind.Null ? null : screening.GetProperty("composite").GetDecimal();

    private static decimal? ComponentScore(JsonElement screening, string id)
    {
        var score = screening.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("score");
        return score.ValueKind == JsonValueKind.Null ? null : score.GetDecimal();
    }

    [Fact]
    public async Task A_past_version_gives_back_its_own_scores()
    {
        // Version 2 raised Helium's stablecoin share to 0.80: settlement 80, composite
        // (20×80 + 15×50 + 10×75 + 20×66.67 + 15×21.45) / 80 = 4755.15 / 80 = 59.439375 → 59.44
        var current = await api.GetJsonAsync("/v1/projects/helium/screening");
        Assert.Equal(2, current.GetProperty("dataVersion").GetProperty("id").GetInt32());
        Assert.Equal(80.00m, ComponentScore(current.GetProperty("data"), ComponentIds.SettlementQuality));
        Assert.Equal(59.44m, Composite(current.GetProperty("data")));

        var past = await api.GetJsonAsync("/v1/projects/helium/screening?asOf=1");
        Assert.Equal(1, past.GetProperty("dataVersion").GetProperty("id").GetInt32());
        Assert.False(past.GetProperty("dataVersion").GetProperty("current").GetBoolean());
        Assert.Equal(70.00m, ComponentScore(past.GetProperty("data"), ComponentIds.SettlementQuality));
        Assert.Equal(56.94m, Composite(past.GetProperty("data")));
    }

    [Fact]
    public async Task The_ranked_list_names_the_methodology_and_its_weights()
    {
        var body = await api.GetJsonAsync("/v1/screening?asOf=1");
        Assert.Equal(Methodology.Version, body.GetProperty("methodology").GetProperty("version").GetString());
        Assert.Equal(100, body.GetProperty("methodology").GetProperty("weights").EnumerateArray().Sum(w => w.GetProperty("weight").GetInt32()));
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["akash", "helium", "aethir", "filecoin", "hivemapper", "io-net", "render"],
            data.Select(p => p.GetProperty("project").GetString()));
        Assert.Equal(72.18m, Composite(data[0]));
        Assert.Equal(1, data[0].GetProperty("rank").GetInt32());
        Assert.Equal(JsonValueKind.Null, data[6].GetProperty("rank").ValueKind);
        var input = data[1].GetProperty("components")[0].GetProperty("inputs")[0];
        Assert.Equal("gate-2026-06-01", input.GetProperty("source").GetProperty("id").GetString());
        Assert.Equal("2026-06-01", input.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task A_sector_filter_and_paging_work_on_the_ranked_list()
    {
        var compute = await api.GetJsonAsync("/v1/screening?sector=compute&asOf=1");
        Assert.Equal(["akash", "aethir", "io-net", "render"],
            compute.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("project").GetString()));

        var first = await api.GetJsonAsync("/v1/screening?limit=2&asOf=1");
        Assert.Equal(2, first.GetProperty("data").GetArrayLength());
        var next = first.GetProperty("page").GetProperty("next").GetString()!;
        var second = await api.GetJsonAsync(next);
        Assert.Equal("aethir", second.GetProperty("data")[0].GetProperty("project").GetString());
    }

    [Theory]
    [InlineData("/v1/screening?sector=telecom", "sector")]
    [InlineData("/v1/sectors/analytics?quarter=2026-Q2", "quarter")]
    [InlineData("/v1/sectors/analytics?metric=revenue", "metric")]
    [InlineData("/v1/sectors/analytics?format=csv&part=everything", "part")]
    [InlineData("/v1/sectors/analytics?part=multiples", "part")]
    [InlineData("/v1/sectors/analytics?format=svg&metric=annualized_external_revenue&part=revenue", "part")]
    [InlineData("/v1/projects/helium/screening?asOf=yesterday", "asOf")]
    public async Task Bad_parameters_are_a_400_naming_the_parameter(string url, string parameter)
    {
        using var response = await api.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_unknown_project_is_a_404_and_an_unknown_version_too()
    {
        using var unknown = await api.Client.GetAsync("/v1/projects/heliun/screening");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var future = await api.Client.GetAsync("/v1/screening?asOf=99");
        Assert.Equal(HttpStatusCode.NotFound, future.StatusCode);
    }

    [Fact]
    public async Task The_list_and_one_project_come_as_csv()
    {
        using var list = await api.Client.GetAsync("/v1/screening?format=csv&asOf=1");
        var text = await list.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", list.Content.Headers.ContentType?.MediaType);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("project,name,sector,rank,sectorRank,composite,coverage,missingComponents,rankNote,methodologyVersion,scores.settlement_quality,", lines[0]);
        Assert.StartsWith("helium,Helium,wireless,2,1,56.94,0.8,revenue_momentum valuation,,1.0.0,70,50,75,66.67,,21.45,", lines[2]);

        using var one = await api.Client.GetAsync("/v1/projects/helium/screening?format=csv&asOf=1");
        var rows = (await one.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + Methodology.Components.Count, rows.Length);
        Assert.StartsWith("helium,56.94,0.8,1.0.0,settlement_quality,20,70,settlement_quality.share/1,full,", rows[1]);
    }

    [Fact]
    public async Task Sector_analytics_answer_as_json_and_as_each_csv_part()
    {
        var body = await api.GetJsonAsync("/v1/sectors/analytics?quarter=2026Q2&metric=annualized_external_revenue&asOf=1");
        var q2 = body.GetProperty("data").GetProperty("revenue")[0];
        Assert.Equal(820_000_000m, q2.GetProperty("totalUsd").GetDecimal());
        Assert.Equal(800_000_000m, q2.GetProperty("statedTotal").GetProperty("value").GetDecimal());
        Assert.Equal(4399.17m, q2.GetProperty("hhi").GetDecimal());
        Assert.Equal(138.89m, body.GetProperty("data").GetProperty("revenueMultiples")[0].GetProperty("multiple").GetDecimal());
        Assert.Equal(Methodology.Version, body.GetProperty("methodology").GetProperty("version").GetString());

        foreach (var (part, header) in new[]
                 {
                     ("revenue", "quarter,metric,totalUsd"), ("implied-prices", "project,tokenSymbol,date,priceUsd,change1y,impliedPriceUsd"),
                     ("multiples", "scope,period,marketCapUsd,revenueUsd,revenueMetric,multiple"),
                 })
        {
            using var csv = await api.Client.GetAsync($"/v1/sectors/analytics?format=csv&part={part}&asOf=1");
            var text = await csv.Content.ReadAsStringAsync();
            Assert.True(csv.StatusCode == HttpStatusCode.OK, text);
            Assert.StartsWith(header, text);
        }
    }
}
