using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DepinApi.Tests.Rest;

/// <summary>A query parameter an endpoint does not have is a 400 naming it and the ones it has, never silently ignored.</summary>
public class UnknownParameterTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/v1/projects?colour=red", "colour", null)]
    [InlineData("/v1/projects?limt=5", "limt", "limit")]
    [InlineData("/v1/revenue?metric=quarterly_revenue&project=helium", "project", null)]
    [InlineData("/v1/screening?sectr=compute", "sectr", "sector")]
    [InlineData("/v1/sectors/analytics?foo=1", "foo", null)]
    [InlineData("/v1/figures?qq=helium", "qq", "q")]
    public async Task An_unknown_parameter_is_a_400_listing_the_known_ones(string url, string parameter, string? suggestion)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("/problems/unknown-parameter", problem.GetProperty("type").GetString());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains("asOf", problem.GetProperty("knownParameters").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(suggestion, problem.GetProperty("suggestion").GetString());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/v1/projects?=")]
    [InlineData("/v1/figures?q=helium&=x")]
    [InlineData("/v1/meta?=1")]
    public async Task A_parameter_with_no_name_is_said_to_have_none_with_no_suggestion(string url)
    {
        // Any short name (q, to) is a few edits from an empty one: "did you mean 'q'?" was noise.
        using var response = await api.Client.GetAsync(url);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/problems/unknown-parameter", problem.GetProperty("type").GetString());
        Assert.Equal("", problem.GetProperty("parameter").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("suggestion").ValueKind);
        Assert.Equal("A query parameter has no name.", problem.GetProperty("title").GetString());
        Assert.StartsWith("The query string has a parameter with no name", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("did you mean", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/v1/screening?sector=compute&sector=compute", "sector", "compute", "compute")]
    [InlineData("/v1/figures?project=helium&project=akash", "project", "helium", "akash")]
    [InlineData("/v1/sources?asof=1&asOf=1", "asof", "1", "1")]
    [InlineData("/v1/projects?limit=5&limit=5", "limit", "5", "5")]
    [InlineData("/v1/figures?q=a,b&q=c", "q", "a,b", "c")]
    public async Task A_parameter_given_twice_is_a_400_naming_it_and_each_value_not_one_joined_value(string url, string parameter, string first, string second)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("/problems/invalid-parameter", problem.GetProperty("type").GetString());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString(), ignoreCase: true);
        Assert.Contains($"is given 2 times ('{first}', '{second}'); expected it once", problem.GetProperty("detail").GetString());
        Assert.Equal([first, second], problem.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.False(problem.TryGetProperty("value", out _), "no one value stands for both");
    }

    [Theory]
    [InlineData("/v1/projects?colour=red&colour=blue")]
    [InlineData("/openapi/v1.json?colour=red&colour=blue")]
    public async Task An_unknown_parameter_given_twice_names_each_value(string url)
    {
        using var response = await api.Client.GetAsync(url);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("/problems/unknown-parameter", problem.GetProperty("type").GetString());
        Assert.Equal(["red", "blue"], problem.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.False(problem.TryGetProperty("value", out _));
    }

    [Theory]
    [InlineData("/openapi/v1.json?&colour=red", "colour")]
    [InlineData("/openapi/3.0/v1.json?=red", "")]
    public async Task A_document_refuses_a_parameter_after_an_empty_one_by_its_name(string url, string parameter)
    {
        using var response = await api.Client.GetAsync(url);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/problems/unknown-parameter", problem.GetProperty("type").GetString());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_very_long_parameter_is_quoted_cut_in_the_title_detail_and_parameter()
    {
        var name = new string('a', 20_000);
        using var response = await api.Client.GetAsync($"/v1/projects?{name}=1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(name[..4_000] + "… (20,000 characters)", problem.GetProperty("parameter").GetString());
        Assert.InRange(problem.GetProperty("title").GetString()!.Length, 100, 200);
        // The name is quoted cut inside the detail, whose sentence goes on to list the parameters the endpoint takes.
        Assert.Matches(@"… \(20,000 characters\).*Its query parameters are: ", problem.GetProperty("detail").GetString());
        Assert.InRange(body.Length, 8_000, 9_000);
    }

    [Fact]
    public async Task Known_parameters_are_matched_without_regard_to_case()
    {
        using var response = await api.Client.GetAsync("/v1/projects?SECTOR=compute&Limit=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_documented_operation_accepts_exactly_its_documented_query_parameters()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json"))!;
        var failures = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            // The index takes no parameters and ignores any (docs/rest.md, Unknown query parameters).
            if (item!["get"] is not { } get || !path.StartsWith("/v1/", StringComparison.Ordinal))
                continue;
            var parameters = get["parameters"]?.AsArray().Select(p => p!) ?? [];
            var url = path;
            foreach (var p in parameters.Where(p => (string?)p["in"] == "path"))
                url = url.Replace("{" + (string)p["name"]! + "}", Uri.EscapeDataString(p["example"]!.ToString()));
            var documented = parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).Order(StringComparer.Ordinal).ToList();

            using var response = await api.Client.GetAsync(url + "?no-such-parameter=1");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }
            var known = JsonDocument.Parse(body).RootElement.GetProperty("knownParameters").EnumerateArray()
                .Select(p => p.GetString()!).Order(StringComparer.Ordinal).ToList();
            if (!known.SequenceEqual(documented))
                failures.Add($"{url}: accepts [{string.Join(", ", known)}], documents [{string.Join(", ", documented)}]");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_price_series_takes_one_date()
    {
        var prices = await api.GetJsonAsync("/v1/projects/helium/token-prices?date=2026-06-01");

        var dates = prices.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("date").GetString()).ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Equal("2026-06-01", d));
        using var both = await api.Client.GetAsync("/v1/projects/helium/token-prices?date=2026-06-01&from=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
    }

    [Fact]
    public async Task Cross_project_lists_take_project()
    {
        var prices = await api.GetJsonAsync("/v1/token-prices?project=helium");
        Assert.Equal("helium", Assert.Single(prices.GetProperty("data").EnumerateArray()).GetProperty("project").GetString());

        var mix = await api.GetJsonAsync("/v1/settlement-mix?project=akash");
        Assert.All(mix.GetProperty("data").EnumerateArray(), m => Assert.Equal("akash", m.GetProperty("project").GetString()));
        Assert.NotEmpty(mix.GetProperty("data").EnumerateArray());
    }
}
