using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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

    [Theory]
    [InlineData("/v1/projects", "*/*, text/csv;q=0.5", "application/json")]
    [InlineData("/v1/projects", "application/json;q=0.5, text/csv", "text/csv")]
    [InlineData("/v1/projects", "application/json;q=0, */*", "text/csv")]
    [InlineData("/v1/projects", "text/csv;charset=iso-8859-1", "application/json")]
    [InlineData("/v1/projects", "text/csv;charset=utf-8", "text/csv")]
    [InlineData("/v1/projects", "application/xml", "application/json")]
    [InlineData("/v1/projects/helium/revenue", "image/svg+xml;q=0.2, */*", "application/json")]
    [InlineData("/v1/projects/helium/token-prices", "image/*", "image/svg+xml")]
    [InlineData("/v1/projects/helium/token-prices", "image/svg+xml;q=0.5, image/*", "image/png")]
    [InlineData("/v1/projects", "text/csv;charset=\"utf-8\"", "text/csv")]
    [InlineData("/v1/projects", "text/csv;q=-1, application/json;q=0.5", "application/json")]
    [InlineData("/v1/projects", "text/csv;q=NaN, application/json;q=0.5", "application/json")]
    [InlineData("/v1/projects", "text/csv;q=0.5x, application/json;q=0.4", "application/json")]
    public async Task Each_representation_takes_the_quality_of_the_most_specific_range_naming_it(string url, string accept, string expected)
    {
        // RFC 9110 12.5.1: */* and image/* give their quality to JSON and the charts as much as a named type does; the
        // highest quality wins, JSON on a tie; an Accept that takes nothing served is disregarded (JSON).
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
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

    [Theory]
    [InlineData("/v1/sectors")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/openapi/3.0/v1.json")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Any_origin_may_read(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://dashboard.example");
        using var response = await api.Client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Theory]
    [InlineData("GET", "/v1/nope")]
    [InlineData("GET", "/nope")]
    [InlineData("HEAD", "/v1/nope")]
    [InlineData("POST", "/v1/projects")]
    [InlineData("DELETE", "/v1/projects/helium")]
    [InlineData("GET", "/graphql/ide/nope.js")]
    [InlineData("GET", "/v1/projects/nope")]
    public async Task An_error_from_any_url_is_readable_from_any_origin_as_a_normal_answer_is(string method, string url)
    {
        using var normal = await FromOtherOriginAsync("GET", "/v1/projects");
        using var response = await FromOtherOriginAsync(method, url);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(normal.Headers.GetValues("Access-Control-Expose-Headers"), response.Headers.GetValues("Access-Control-Expose-Headers"));
    }

    private async Task<HttpResponseMessage> FromOtherOriginAsync(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add("Origin", "https://dashboard.example");
        return await api.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("/v1/screening")]
    [InlineData("/v1/sectors/analytics")]
    [InlineData("/v1/projects/helium/screening")]
    [InlineData("/v1/projects/helium")]
    [InlineData("/v1/revenue?metric=quarterly_revenue")]
    [InlineData("/v1/settlement-mix")]
    [InlineData("/v1/sector-figures")]
    [InlineData("/v1/screening?format=csv")]
    [InlineData("/v1/projects/helium/screening?format=csv")]
    [InlineData("/v1/sectors/analytics?format=csv")]
    public async Task No_number_is_written_with_its_columns_trailing_zeros(string url)
    {
        var body = await api.Client.GetStringAsync(url);

        // A number after ":", "[", "," or "=" (JSON, a CSV cell, a screening input's value) with a fraction ending in 0,
        // such as 0.55000 or 110000000.00.
        var padded = System.Text.RegularExpressions.Regex.Matches(body, @"[:\[,=]-?\d+\.\d*0(?=[,\]}\s;)])").Select(m => m.Value).ToList();
        Assert.True(padded.Count == 0, string.Join(" ", padded.Take(10)));
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

    [Fact]
    public async Task A_strong_tag_always_names_the_same_bytes_whatever_the_accept_encoding_says()
    {
        // Compression reads q-values and "*"; the tag must name the coding it actually chose.
        var answers = new List<(string Coding, string Tag, byte[] Body)>();
        foreach (var acceptEncoding in new[] { "", "*", "gzip;q=0", "gzip", "br;q=0, gzip", "br", "identity", "br;q=0, gzip;q=0" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/projects?limit=20");
            if (acceptEncoding.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            using var response = await api.Client.SendAsync(request);
            answers.Add((string.Join(",", response.Content.Headers.ContentEncoding), response.Headers.ETag!.Tag,
                await response.Content.ReadAsByteArrayAsync()));
        }

        foreach (var sameTag in answers.GroupBy(a => a.Tag))
        {
            Assert.Single(sameTag.Select(a => a.Coding).Distinct());
            Assert.Single(sameTag.Select(a => Convert.ToHexString(a.Body)).Distinct());
        }
        Assert.Equal(3, answers.Select(a => a.Coding).Distinct().Count());
    }

    [Theory]
    [InlineData("POST", "/v1/projects")]
    [InlineData("DELETE", "/v1/projects/helium")]
    public async Task Another_method_on_a_known_url_is_a_405_problem_naming_what_it_answers(string method, string url)
    {
        using var direct = await api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        // A browser's preflight asks the same question: it gets the same answer, not "nothing is published here".
        using var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", "https://dashboard.example");
        preflight.Headers.Add("Access-Control-Request-Method", method);
        using var asked = await api.Client.SendAsync(preflight);

        foreach (var response in new[] { direct, asked })
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("/problems/method-not-allowed", problem.GetProperty("type").GetString());
            Assert.Contains($"does not answer {method}", problem.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData("/openapi/v2.json")]
    [InlineData("/openapi/3.0/v2.json")]
    public async Task An_openapi_document_that_does_not_exist_is_a_404_problem_not_an_empty_body(string url)
    {
        using var response = await api.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_preflight_for_an_unknown_url_is_still_a_404()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/nothing-here");
        preflight.Headers.Add("Origin", "https://dashboard.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await api.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/problems/not-found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_accept_header_graphql_cannot_meet_is_a_406_problem_whatever_it_accepts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/problems/not-acceptable", problem.GetProperty("type").GetString());
        Assert.Contains("application/graphql-response+json", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("application/json;q=0, */*")]
    [InlineData("application/json;q=0.1, */*;q=0.5")]
    public async Task A_wildcard_does_not_bring_back_application_json_refused_by_its_quality(string accept)
    {
        // A request error, so the media type shows in the status too: 400 as graphql-response+json, 200 as json.
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7Bnope%7D");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{nope}" }) };
        foreach (var request in new[] { get, post })
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await api.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task If_modified_since_is_ignored_as_the_api_sends_no_last_modified_whether_or_not_the_cache_holds_the_answer()
    {
        foreach (var attempt in Enumerable.Range(0, 3))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/projects/filecoin?format=csv");
            request.Headers.TryAddWithoutValidation("If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT");
            using var response = await api.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"attempt {attempt}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_graphql_post_is_no_conditional_request()
    {
        var body = new { query = "{ sectors { sector } }" };
        using var first = await api.Client.PostAsync("/graphql", JsonContent.Create(body));
        using var again = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag?.ToString() ?? "*");
        again.Headers.TryAddWithoutValidation("If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT");
        using var response = await api.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Svg_charts_are_compressed_like_every_text_response()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await api.Client.SendAsync(request);

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }
}
