using System.Net;
using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>
/// The one rule of a series' filter (docs/rest.md, "Filters"): a value is checked against the API's vocabulary for the
/// parameter, never against what one project happens to state. A known value the project does not state is an empty
/// list; any other is a 400 naming the parameter, listing the vocabulary and suggesting the nearest value.
/// </summary>
public class SeriesFilterVocabularyTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    // Filecoin states no network metric at all; Akash states others. Both metrics are some project's.
    [InlineData("/v1/projects/filecoin/metrics?metric=gpu_utilization")]
    [InlineData("/v1/projects/akash/metrics?metric=active_compute_clients")]
    // What revenue has always done with a metric of the vocabulary the project does not state.
    [InlineData("/v1/projects/filecoin/revenue?metric=quarterly_revenue")]
    public async Task A_known_metric_the_project_does_not_state_is_an_empty_list(string url)
    {
        var body = await api.GetJsonAsync(url);

        Assert.Equal(0, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_known_metric_the_project_states_is_kept_alone()
    {
        var data = (await api.GetJsonAsync("/v1/projects/akash/metrics?metric=gpu_utilization")).GetProperty("data");

        Assert.NotEqual(0, data.GetArrayLength());
        Assert.All(data.EnumerateArray(), f => Assert.Equal("gpu_utilization", f.GetProperty("metric").GetString()));
    }

    [Fact]
    public async Task An_unknown_metric_is_refused_with_every_projects_metrics_whatever_the_project()
    {
        var filecoin = await ProblemAsync("/v1/projects/filecoin/metrics?metric=gpu_utilisation");
        var akash = await ProblemAsync("/v1/projects/akash/metrics?metric=gpu_utilisation");

        Assert.Equal("metric", filecoin.GetProperty("parameter").GetString());
        Assert.Equal("gpu_utilisation", filecoin.GetProperty("value").GetString());
        var expected = filecoin.GetProperty("expected").GetString()!;
        // Aethir's and Akash's metrics alike: the list is the API's, not the project's (Filecoin has none).
        Assert.StartsWith("one of ", expected, StringComparison.Ordinal);
        Assert.Contains("active_compute_clients", expected, StringComparison.Ordinal);
        Assert.Contains("gpu_utilization", expected, StringComparison.Ordinal);
        Assert.Equal(expected, akash.GetProperty("expected").GetString());
        Assert.Equal("gpu_utilization", filecoin.GetProperty("suggestion").GetString());
        Assert.Equal($"The parameter 'metric' is 'gpu_utilisation'; expected {expected}. Did you mean 'gpu_utilization'?",
            filecoin.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_value_near_none_has_no_suggestion()
    {
        var problem = await ProblemAsync("/v1/projects/aethir/metrics?metric=foo");

        Assert.False(problem.TryGetProperty("suggestion", out _));
        Assert.DoesNotContain("Did you mean", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    // Values are compared as the API writes them (lower case; GraphQL's enums are the upper-case spelling), on every
    // filter alike: a value in other letters is refused, naming the API's spelling.
    [InlineData("/v1/figures?metric=ANNUALIZED_EXTERNAL_REVENUE", "annualized_external_revenue")]
    [InlineData("/v1/projects/aethir/revenue?metric=QUARTERLY_REVENUE", "quarterly_revenue")]
    [InlineData("/v1/revenue?metric=Annualized_External_Revenue", "annualized_external_revenue")]
    [InlineData("/v1/projects/akash/metrics?metric=GPU_UTILIZATION", "gpu_utilization")]
    [InlineData("/v1/sector-figures?scope=DEPIN", "depin")]
    [InlineData("/v1/projects?sector=Compute", "compute")]
    // A near misspelling of a closed vocabulary's value is suggested too.
    [InlineData("/v1/sectors/analytics?metric=lease_incme", "lease_income")]
    public async Task A_value_in_other_letters_or_near_a_known_one_is_refused_naming_it(string url, string suggestion)
    {
        var problem = await ProblemAsync(url);

        Assert.Contains($"?{problem.GetProperty("parameter").GetString()}=", url, StringComparison.Ordinal);
        Assert.Equal(suggestion, problem.GetProperty("suggestion").GetString());
        Assert.EndsWith($"Did you mean '{suggestion}'?", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ProblemAsync(string url)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal("/problems/invalid-parameter", problem.GetProperty("type").GetString());
        return problem;
    }
}
