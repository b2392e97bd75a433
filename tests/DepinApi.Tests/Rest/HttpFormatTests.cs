using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>CSV, content negotiation, ETag/304, Cache-Control, CORS and compression.</summary>
public class HttpFormatTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Fact]
    public async Task Csv_has_a_header_named_like_the_json_fields_and_a_file_name()
    {
        using var response = await api.Client.GetAsync("/v1/projects/aethir/revenue/2025Q2?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("aethir-revenue-2025Q2-v1.csv", response.Content.Headers.ContentDisposition?.FileNameStar
                                                      ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("id,project,quarter,metric,amountUsd,units,value,basis,qualifier,preferred,source.id,source.publisher,source.title,"
                     + "source.publishedOn,source.publishedLabel,source.kind,source.url,quote,permalink,citation", lines[0]);
        Assert.StartsWith("aethir-2025q2-quarterly-revenue,aethir,2025Q2,quarterly_revenue,32700000,lin,32700000,disclosed,,true,blockeden-early-2026,BlockEden.xyz,", lines[1]);
        // The quote contains commas, so RFC 4180 quotes it.
        Assert.Contains(",\"The quarterly growth trajectory was steep and consistent: $28.5 million in Q1, $32.7 million in Q2 (up 14.5%), and $39.9 million in Q3 (up 22%).\",", lines[1]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Accept_text_csv_selects_csv_and_format_json_overrides_it()
    {
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/sources");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await api.Client.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);

        using var jsonRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/sources?format=json");
        jsonRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var json = await api.Client.SendAsync(jsonRequest);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_matching_If_None_Match_gets_304_and_the_tag_is_strong_and_per_representation()
    {
        using var first = await api.Client.GetAsync("/v1/projects?sector=compute");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/v1/projects?sector=compute");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await api.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var csv = await api.Client.GetAsync("/v1/projects?sector=compute&format=csv");
        Assert.NotEqual(etag, csv.Headers.ETag);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/v1/projects?sector=storage");
        stale.Headers.IfNoneMatch.Add(etag);
        using var other = await api.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Problems_carry_no_etag_and_are_problem_json()
    {
        using var response = await api.Client.GetAsync("/v1/projects/aethir/revenue/2025Q5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task Any_origin_may_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/sectors");
        request.Headers.Add("Origin", "https://dashboard.example");
        using var response = await api.Client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Responses_are_compressed_when_the_client_accepts_it(string coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/settlement-mix?format=csv");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(coding, Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Every_response_names_its_data_version()
    {
        var body = await api.GetJsonAsync("/v1/sectors");

        Assert.Equal(1, body.GetProperty("dataVersion").GetProperty("id").GetInt32());
        Assert.True(body.GetProperty("dataVersion").GetProperty("current").GetBoolean());
        var compute = body.GetProperty("data").EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "compute");
        Assert.Equal(4, compute.GetProperty("projectCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("page").GetProperty("next").ValueKind);
    }
}
