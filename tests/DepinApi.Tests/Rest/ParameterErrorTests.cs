using System.Net;
using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>Every malformed parameter is a 400 problem naming the parameter and the expected form; never a 500.</summary>
public class ParameterErrorTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/v1/projects/aethir/revenue/2025Q5", "quarter", "2025Q5", "YYYYQn")]
    [InlineData("/v1/projects/aethir/revenue?from=2026Q2&to=2025Q1", "from", "2026Q2", "not after 'to'")]
    [InlineData("/v1/projects?limit=501", "limit", "501", "from 1 to 500")]
    [InlineData("/v1/projects?limit=0", "limit", "0", "from 1 to 500")]
    [InlineData("/v1/projects?limit=ten", "limit", "ten", "from 1 to 500")]
    [InlineData("/v1/projects?format=xml", "format", "xml", "json or csv")]
    [InlineData("/v1/projects/aethir/revenue?metric=profit", "metric", "profit", "quarterly_revenue")]
    [InlineData("/v1/revenue?metric=profit", "metric", "profit", "annualized_run_rate")]
    [InlineData("/v1/projects?asOf=yesterday", "asOf", "yesterday", "data version number")]
    [InlineData("/v1/projects/aethir/revenue?units=log", "units", "log", "lin, chg, pch, pc1")]
    [InlineData("/v1/projects?sector=space", "sector", "space", "wireless")]
    [InlineData("/v1/projects?sort=price", "sort", "price", "slug")]
    [InlineData("/v1/projects/helium/token-prices?from=2026-13-01", "from", "2026-13-01", "YYYY-MM-DD")]
    [InlineData("/v1/token-prices?date=June", "date", "June", "YYYY-MM-DD")]
    [InlineData("/v1/changes?version=-1", "version", "-1", "whole number")]
    [InlineData("/v1/sector-figures?scope=world", "scope", "world", "depin")]
    // A filter no figure states is a misspelling, not an empty list.
    [InlineData("/v1/figures?metric=nope", "metric", "nope", "token_price")]
    [InlineData("/v1/figures?period=2099Q9", "period", "2099Q9", "a quarter (2026Q2)")]
    [InlineData("/v1/projects/helium/token-prices?from=2026-06-02&to=2026-06-01", "from", "2026-06-02", "'from' (2026-06-02) is after 'to' (2026-06-01)")]
    [InlineData("/v1/figures?project=helium,", "project", "helium,", "has an empty item")]
    public async Task A_bad_parameter_is_a_400_that_names_it(string url, string parameter, string value, string expected)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("/problems/invalid-parameter", problem.GetProperty("type").GetString());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
        Assert.Contains(expected, problem.GetProperty("expected").GetString() + " " + problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_text_is_limited_on_every_endpoint_that_searches()
    {
        var text = new string('a', 201);
        foreach (var url in new[] { "/v1/projects?q=", "/v1/figures?q=" })
        {
            var problem = await ProblemAsync(url + text, HttpStatusCode.BadRequest);
            Assert.Equal("q", problem.GetProperty("parameter").GetString());
            Assert.Contains("at most 200", problem.GetProperty("expected").GetString());
        }
    }

    [Fact]
    public async Task Search_text_is_measured_in_characters_not_code_units()
    {
        var emoji = Uri.EscapeDataString("\U0001F600");
        var searched = await api.GetJsonAsync("/v1/figures?q=" + string.Concat(Enumerable.Repeat(emoji, 150)));
        var problem = await ProblemAsync("/v1/figures?q=" + string.Concat(Enumerable.Repeat(emoji, 201)), HttpStatusCode.BadRequest);

        Assert.Equal(JsonValueKind.Array, searched.GetProperty("data").ValueKind);
        Assert.Contains("is 201 characters long", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_search_matches_at_most_eight_distinct_words()
    {
        // Each word is one more pattern over every figure: nine are refused, eight (repeats counted once) are searched.
        var problem = await ProblemAsync("/v1/figures?q=a%20b%20c%20d%20e%20f%20g%20h%20i", HttpStatusCode.BadRequest);
        Assert.Equal("q", problem.GetProperty("parameter").GetString());
        Assert.Contains("at most 8 distinct words", problem.GetProperty("expected").GetString());

        var searched = await api.GetJsonAsync("/v1/figures?q=helium%20HELIUM%20revenue%20a%20b%20c%20d%20e%20f");
        Assert.Equal(JsonValueKind.Array, searched.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task A_project_filter_takes_at_most_a_hundred_distinct_names_and_a_repeated_name_once()
    {
        // Each distinct name is a lookup: 101 are refused before any, and 5,000 spellings of one name are one lookup.
        var many = string.Join(",", Enumerable.Range(0, 101).Select(i => $"p{i}"));
        var problem = await ProblemAsync("/v1/settlement-mix?project=" + many, HttpStatusCode.BadRequest);
        Assert.Equal("project", problem.GetProperty("parameter").GetString());
        Assert.Contains("at most 100 distinct project names", problem.GetProperty("expected").GetString());

        var repeated = string.Join(",", Enumerable.Repeat("HNT,hnt,helium", 1_700));
        var once = await api.GetJsonAsync("/v1/settlement-mix?project=helium");
        var body = await api.GetJsonAsync("/v1/settlement-mix?project=" + repeated);
        Assert.Equal(once.GetProperty("data").GetRawText(), body.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task A_filter_some_figure_states_is_an_empty_list_not_an_error()
    {
        // Revenue figures state 2026Q2 and settlement mixes exist, but no mix is dated by a quarter: an answer.
        var body = await api.GetJsonAsync("/v1/figures?project=filecoin&metric=settlement_mix&period=2026Q2");

        Assert.Empty(body.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Changes_of_a_version_that_does_not_exist_are_a_404_naming_the_versions_that_do()
    {
        var problem = await ProblemAsync("/v1/changes?version=5", HttpStatusCode.NotFound);

        Assert.Equal("/problems/data-version-not-found", problem.GetProperty("type").GetString());
        Assert.Equal("version", problem.GetProperty("parameter").GetString());
        Assert.Equal("Data version 5 does not exist; only version 1 does.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_missing_required_parameter_is_named()
    {
        var problem = await ProblemAsync("/v1/revenue", HttpStatusCode.BadRequest);

        Assert.Equal("metric", problem.GetProperty("parameter").GetString());
        Assert.Contains("required", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_slug_is_a_404_suggesting_the_nearest()
    {
        var problem = await ProblemAsync("/v1/projects/aethr/revenue", HttpStatusCode.NotFound);

        Assert.Equal("/problems/project-not-found", problem.GetProperty("type").GetString());
        Assert.Equal("aethir", problem.GetProperty("suggestion").GetString());
        Assert.Contains("Did you mean 'aethir'?", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_escaped_slash_in_a_slug_is_echoed_decoded_and_suggests_the_slug_before_it()
    {
        var problem = await ProblemAsync("/v1/projects/aethir%2Frevenue", HttpStatusCode.NotFound);

        Assert.Equal("aethir/revenue", problem.GetProperty("value").GetString());
        Assert.Equal("aethir", problem.GetProperty("suggestion").GetString());
    }

    [Fact]
    public async Task A_slug_far_from_every_project_gets_no_suggestion()
    {
        var problem = await ProblemAsync("/v1/projects/completely-unrelated-name", HttpStatusCode.NotFound);

        Assert.Equal(JsonValueKind.Null, problem.GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public async Task An_asOf_naming_no_version_is_a_404_saying_which_exist()
    {
        var problem = await ProblemAsync("/v1/projects?asOf=99", HttpStatusCode.NotFound);

        Assert.Equal("/problems/data-version-not-found", problem.GetProperty("type").GetString());
        Assert.Equal("asOf", problem.GetProperty("parameter").GetString());
        Assert.Equal("Data version 99 does not exist; only version 1 does.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_asOf_date_before_the_first_import_is_a_404()
    {
        var problem = await ProblemAsync("/v1/projects?asOf=2000-01-01", HttpStatusCode.NotFound);

        Assert.Equal("/problems/data-version-not-found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_quarter_without_figures_is_a_404_listing_the_quarters_with_figures()
    {
        var problem = await ProblemAsync("/v1/projects/aethir/revenue/2024Q1", HttpStatusCode.NotFound);

        Assert.Equal("/problems/no-figures", problem.GetProperty("type").GetString());
        Assert.Equal(["2025Q1", "2025Q2", "2025Q3", "2025Q4"],
            problem.GetProperty("quartersWithFigures").EnumerateArray().Select(q => q.GetString()!).ToArray());
    }

    [Theory]
    [InlineData("/v1/revenue/no-such-figure")]
    [InlineData("/v1/settlement-mix/no-such-figure")]
    [InlineData("/v1/token-prices/no-such-figure")]
    [InlineData("/v1/metrics/no-such-figure")]
    [InlineData("/v1/sector-figures/no-such-figure")]
    public async Task An_unknown_figure_id_is_a_404(string url)
    {
        var problem = await ProblemAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("/problems/figure-not-found", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("blockeden-early-2025", "blockeden-early-2026")]
    [InlineData("gate", "gate-2026-06-01")]
    public async Task An_unknown_source_is_a_404_suggesting_the_nearest(string id, string nearest)
    {
        var problem = await ProblemAsync("/v1/sources/" + id, HttpStatusCode.NotFound);

        Assert.Equal(nearest, problem.GetProperty("suggestion").GetString());
        Assert.Contains($"Did you mean '{nearest}'?", problem.GetProperty("detail").GetString());
    }

    private async Task<JsonElement> ProblemAsync(string url, HttpStatusCode status)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
