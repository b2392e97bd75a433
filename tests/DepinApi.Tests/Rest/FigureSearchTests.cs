using System.Net;
using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>GET /v1/figures: one search over every kind of figure, each hit with a permalink that answers.</summary>
public class FigureSearchTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Fact]
    public async Task Every_word_must_occur_in_the_metric_the_project_or_the_quote()
    {
        var hits = await HitsAsync("/v1/figures?q=helium%20annualized&limit=500");

        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var text = $"{hit.GetProperty("metric").GetString()!.Replace('_', ' ')} {hit.GetProperty("project")} "
                       + $"{hit.GetProperty("projectName")} {hit.GetProperty("quote").GetString()}";
            Assert.Contains("helium", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("annualized", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(hits, h => h.GetProperty("id").GetString() == "helium-2026q2-annualized-external-revenue-table");
    }

    [Theory]
    [InlineData("HNT", "helium")]
    [InlineData("akt revenue", "akash")]
    public async Task A_token_symbol_finds_its_projects_figures_as_the_project_filter_does(string q, string project)
    {
        var searched = await HitsAsync($"/v1/figures?q={Uri.EscapeDataString(q)}&limit=500");
        var filtered = await HitsAsync($"/v1/figures?project={project}&limit=500");

        Assert.NotEmpty(searched);
        Assert.All(searched, h => Assert.Equal(project, h.GetProperty("project").GetString()));
        Assert.Subset(filtered.Select(h => h.GetProperty("id").GetString()).ToHashSet(), searched.Select(h => h.GetProperty("id").GetString()).ToHashSet());
        if (!q.Contains(' '))
            Assert.Equal(filtered.Select(h => h.GetProperty("id").GetString()), searched.Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_metric_searched_as_the_api_writes_it_finds_what_the_metric_filter_finds()
    {
        var searched = await HitsAsync("/v1/figures?q=annualized_external_revenue&limit=500");
        var filtered = await HitsAsync("/v1/figures?metric=annualized_external_revenue&limit=500");

        Assert.NotEmpty(filtered);
        Assert.Equal(filtered.Select(h => h.GetProperty("id").GetString()), searched.Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Each_hit_has_the_basis_its_permalink_has()
    {
        var hits = await HitsAsync("/v1/figures?limit=500");

        foreach (var hit in hits.GroupBy(h => h.GetProperty("kind").GetString()).Select(g => g.First()))
        {
            var figure = JsonDocument.Parse(await api.Client.GetStringAsync(hit.GetProperty("permalink").GetString())).RootElement.GetProperty("data");
            Assert.Equal(figure.GetProperty("basis").GetString(), hit.GetProperty("basis").GetString());
        }
    }

    [Fact]
    public async Task Hits_span_every_kind_and_each_permalink_answers()
    {
        var hits = await HitsAsync("/v1/figures?limit=500");

        Assert.Equal(new[] { "metrics", "revenue", "sector-figures", "settlement-mix", "token-prices" },
            hits.Select(h => h.GetProperty("kind").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray());
        foreach (var hit in hits.GroupBy(h => h.GetProperty("kind").GetString()).Select(g => g.First()))
        {
            using var response = await api.Client.GetAsync(hit.GetProperty("permalink").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var figure = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
            Assert.Equal(hit.GetProperty("id").GetString(), figure.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Project_metric_and_period_filter_and_names_resolve()
    {
        var hits = await HitsAsync("/v1/figures?project=HNT&metric=annualized_external_revenue&period=2026Q2");

        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            Assert.Equal("helium", h.GetProperty("project").GetString());
            Assert.Equal("annualized_external_revenue", h.GetProperty("metric").GetString());
            Assert.Equal("2026Q2", h.GetProperty("period").GetString());
        });
        Assert.NotEmpty(await HitsAsync("/v1/figures?q=io.net"));
        // A quarter in lower case is the same quarter, as every quarter parameter reads it.
        Assert.Equal(hits.Select(h => h.GetProperty("id").GetString()),
            (await HitsAsync("/v1/figures?project=HNT&metric=annualized_external_revenue&period=2026q2")).Select(h => h.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("zzzz-no-such-text")]
    public async Task Wildcards_are_taken_literally(string q)
    {
        var hits = await HitsAsync("/v1/figures?limit=500&q=" + Uri.EscapeDataString(q));

        Assert.All(hits, h => Assert.Contains(q, $"{h.GetProperty("metric")} {h.GetProperty("quote")}", StringComparison.Ordinal));
        Assert.True(hits.Count < (await HitsAsync("/v1/figures?limit=500")).Count);
    }

    [Fact]
    public async Task Pages_follow_one_another_without_gaps()
    {
        var all = (await HitsAsync("/v1/figures?limit=500&q=revenue")).Select(h => h.GetProperty("id").GetString()).ToList();
        var paged = new List<string?>();
        string? next = "/v1/figures?limit=7&q=revenue";
        while (next is not null)
        {
            var page = await api.GetJsonAsync(next);
            paged.AddRange(page.GetProperty("data").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
            next = page.GetProperty("page").GetProperty("next").GetString();
        }
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task A_search_text_over_the_limit_is_a_400_naming_q()
    {
        using var response = await api.Client.GetAsync("/v1/figures?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("q", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Csv_has_the_permalink_column()
    {
        var csv = await api.Client.GetStringAsync("/v1/figures?format=csv&q=helium");
        Assert.StartsWith("kind,id,project,projectName,scope,metric,period,basis,source,quote,permalink", csv);
    }

    [Fact]
    public async Task A_repeated_search_is_answered_from_the_output_cache_with_its_etag()
    {
        var connectionString = await DepinApi.Tests.Infrastructure.TestPostgres.CreateDatabaseAsync();
        await using var factory = new DepinApi.Tests.Infrastructure.ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = DepinApi.Tests.Infrastructure.RepositoryPaths.SeedData,
        });
        using var client = factory.CreateClient();
        using var first = await client.GetAsync("/v1/figures?q=helium");
        Assert.NotNull(first.Headers.ETag);
        var body = await first.Content.ReadAsStringAsync();

        await DepinApi.Tests.Infrastructure.TestPostgres.DropDatabaseAsync(connectionString);

        Assert.Equal(body, await client.GetStringAsync("/v1/figures?q=helium"));
        using var uncached = await client.GetAsync("/v1/figures?q=akash");
        Assert.NotEqual(HttpStatusCode.OK, uncached.StatusCode);
    }

    private async Task<List<JsonElement>> HitsAsync(string url) =>
        (await api.GetJsonAsync(url)).GetProperty("data").EnumerateArray().ToList();
}
