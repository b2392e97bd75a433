using System.Net;
using System.Text.Json;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// An argument REST refuses with a 400 <c>invalid-parameter</c> is a GraphQL field error in REST's words, never an
/// empty list, so a misspelling does not read as "no data"; an argument that is fine but matches nothing stays an
/// empty list. docs/graphql.md, "Errors".
/// </summary>
public class ArgumentRefusalTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    public static TheoryData<string, string, string> OutOfOrder => new()
    {
        { """{ project(slug: "aethir") { revenue(from: "2025Q3", to: "2025Q1") { id } } }""", "revenue", "/v1/projects/aethir/revenue?from=2025Q3&to=2025Q1" },
        { """{ project(slug: "aethir") { tokenPrices(from: "2026-07-01", to: "2026-01-01") { id } } }""", "tokenPrices", "/v1/projects/aethir/token-prices?from=2026-07-01&to=2026-01-01" },
    };

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    public async Task A_range_whose_start_is_after_its_end_is_an_error_naming_from_in_REST_words(string query, string field, string rest)
    {
        var body = await api.Client.PostAsync(query);
        var problem = await RestProblemAsync(rest);

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(problem.GetProperty("detail").GetString()!.Replace("The parameter", "The argument", StringComparison.Ordinal),
            error.GetProperty("message").GetString());
        Assert.Contains("expected from <= to", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var extensions = error.GetProperty("extensions");
        Assert.Equal("INVALID_ARGUMENT", extensions.GetProperty("code").GetString());
        Assert.Equal("from", extensions.GetProperty("argument").GetString());
        Assert.Equal(problem.GetProperty("expected").GetString(), extensions.GetProperty("expected").GetString());
        Assert.Equal(problem.GetProperty("value").GetString(), extensions.GetProperty("value").GetString());
        Assert.Equal(["project", field], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        // The list is non-null, so its error nulls the project, as the specification has it.
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("project").ValueKind);
    }

    [Fact]
    public async Task A_range_through_variables_is_refused_on_every_project_of_a_page()
    {
        var body = await api.Client.PostAsync("""
            query($from: Quarter, $to: Quarter) { projects(first: 2) { nodes { slug revenue(from: $from, to: $to) { id } } } }
            """, new { from = "2026Q2", to = "2025Q1" });

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.All(body.GetProperty("errors").EnumerateArray(), e =>
            Assert.Equal("INVALID_ARGUMENT", e.GetProperty("extensions").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task An_unknown_metric_is_an_error_listing_the_metrics_that_are_stated()
    {
        var body = await api.Client.PostAsync("""{ project(slug: "aethir") { metrics(metric: "foo") { id } } }""");
        var stated = (await api.Client.DataAsync("{ projects(first: 100) { nodes { metrics { metric } } } }"))
            .GetProperty("projects").GetProperty("nodes").EnumerateArray()
            .SelectMany(p => p.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("metric").GetString()!))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        var expected = "one of " + string.Join(", ", stated);
        Assert.Equal($"The argument 'metric' is 'foo'; expected {expected}.", error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("INVALID_ARGUMENT", extensions.GetProperty("code").GetString());
        Assert.Equal("metric", extensions.GetProperty("argument").GetString());
        Assert.Equal(expected, extensions.GetProperty("expected").GetString());
        Assert.Equal("foo", extensions.GetProperty("value").GetString());
        Assert.Contains("active_compute_clients", stated);
        Assert.False(extensions.TryGetProperty("suggestion", out _));
        // REST refuses it too, in the same words and against the same metrics.
        var problem = await RestProblemAsync("/v1/projects/aethir/metrics?metric=foo");
        Assert.Equal($"The parameter 'metric' is 'foo'; expected {expected}.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("filecoin", "gpu_utilisation", "gpu_utilization")]
    [InlineData("akash", "ACTIVE_COMPUTE_CLIENTS", "active_compute_clients")]
    public async Task A_metric_REST_refuses_is_refused_in_its_words_with_its_suggestion(string slug, string metric, string suggestion)
    {
        var body = await api.Client.PostAsync($$"""{ project(slug: "{{slug}}") { metrics(metric: "{{metric}}") { id } } }""");
        var problem = await RestProblemAsync($"/v1/projects/{slug}/metrics?metric={metric}");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(problem.GetProperty("detail").GetString()!.Replace("The parameter", "The argument", StringComparison.Ordinal),
            error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("INVALID_ARGUMENT", extensions.GetProperty("code").GetString());
        Assert.Equal(problem.GetProperty("expected").GetString(), extensions.GetProperty("expected").GetString());
        Assert.Equal(suggestion, extensions.GetProperty("suggestion").GetString());
        Assert.Equal(suggestion, problem.GetProperty("suggestion").GetString());
    }

    [Fact]
    public async Task A_metric_of_other_projects_only_is_an_empty_list_on_both_surfaces()
    {
        var data = await api.Client.DataAsync("""
            { akash: project(slug: "akash") { metrics(metric: "active_compute_clients") { id } }
              filecoin: project(slug: "filecoin") { metrics(metric: "gpu_utilization") { id } } }
            """);

        Assert.Equal(0, data.GetProperty("akash").GetProperty("metrics").GetArrayLength());
        Assert.Equal(0, data.GetProperty("filecoin").GetProperty("metrics").GetArrayLength());
        foreach (var url in new[] { "/v1/projects/akash/metrics?metric=active_compute_clients", "/v1/projects/filecoin/metrics?metric=gpu_utilization" })
        {
            var response = await api.Client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, (await GraphQLClient.ReadAsync(response)).GetProperty("data").GetArrayLength());
        }
    }

    [Fact]
    public async Task An_empty_metric_is_refused_too()
    {
        var body = await api.Client.PostAsync("""{ project(slug: "aethir") { metrics(metric: "") { id } } }""");

        Assert.Equal("INVALID_ARGUMENT", Assert.Single(body.GetProperty("errors").EnumerateArray())
            .GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Arguments_that_are_fine_but_match_nothing_are_empty_lists()
    {
        var data = await api.Client.DataAsync("""
            { project(slug: "helium") {
                other: metrics(metric: "active_compute_clients") { id }
                later: revenue(from: "2030Q1") { id }
                one: revenue(from: "2024Q1", to: "2024Q1") { id }
                day: tokenPrices(from: "2020-01-01", to: "2020-01-01") { id } } }
            """);

        var project = data.GetProperty("project");
        foreach (var list in new[] { "other", "later", "one", "day" })
            Assert.Equal(0, project.GetProperty(list).GetArrayLength());
    }

    private async Task<JsonElement> RestProblemAsync(string url)
    {
        var response = await api.Client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await GraphQLClient.ReadAsync(response);
    }
}
