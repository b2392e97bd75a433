using System.Net;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// Which operations compiled execution answers (one SQL statement) and which it leaves to the resolvers; the
/// differential tests show both answer alike. The path taken is in the <c>Server-Timing</c> header.
/// </summary>
public class CompiledExecutionTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Fact]
    public async Task A_page_of_projects_with_their_figures_is_compiled()
    {
        var response = await api.Client.SendPostAsync("""
            { projects(first: 5, orderBy: { field: NAME }) { totalCount pageInfo { hasNextPage }
                nodes { slug revenue(from: "2025Q3") { quarter amountUsd source { publisher } } latestPrice { priceUsd }
                        settlementMix { nativeShare } tokenPrices { date } metrics { value } } } }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("compiled", ExecutionPath(response));
        var body = await GraphQLClient.ReadAsync(response);
        Assert.False(body.TryGetProperty("errors", out _));
        var projects = body.GetProperty("data").GetProperty("projects");
        Assert.Equal(7, projects.GetProperty("totalCount").GetInt32());
        Assert.True(projects.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(5, projects.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task A_compiled_answer_carries_the_data_version_it_read_in_its_ETag()
    {
        var version = (await api.Client.DataAsync("{ meta { dataVersion } }")).GetProperty("meta").GetProperty("dataVersion").GetInt32();

        var response = await api.Client.SendPostAsync("{ project(slug: \"helium\") { name } }");

        Assert.Equal("compiled", ExecutionPath(response));
        Assert.StartsWith($"W/\"{version}-", response.Headers.ETag!.ToString());
    }

    [Theory]
    [InlineData("{ project(slug: \"helium\") { screening { composite } } }")]
    [InlineData("{ project(slug: \"helium\") { slug } rateLimit { remaining } }")]
    [InlineData("{ sectors { sector analytics { methodologyVersion } } }")]
    [InlineData("{ __typename a: __typename }")]
    public async Task An_operation_selecting_anything_not_compiled_runs_wholly_through_the_resolvers(string query)
    {
        var response = await api.Client.SendPostAsync(query);

        Assert.Equal("resolvers", ExecutionPath(response));
        Assert.False((await GraphQLClient.ReadAsync(response)).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_negative_page_size_is_refused_by_the_resolvers_with_their_error()
    {
        var response = await api.Client.SendPostAsync("{ projects(first: -1) { nodes { slug } } }");

        Assert.Equal("resolvers", ExecutionPath(response));
        var error = Assert.Single((await GraphQLClient.ReadAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal("BAD_PAGE_SIZE", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Before_the_first_import_the_resolvers_say_there_is_no_data()
    {
        await using var empty = new ApiFactory(await TestPostgres.CreateDatabaseAsync(),
            new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        var client = new GraphQLClient(empty.CreateClient());

        var response = await client.SendPostAsync("{ projects { nodes { slug } } }");

        Assert.Equal("resolvers", ExecutionPath(response));
        var error = (await GraphQLClient.ReadAsync(response)).GetProperty("errors")[0];
        Assert.Equal("NO_DATA", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>The <c>desc</c> of the response's <c>exec</c> Server-Timing metric: compiled or resolvers.</summary>
    private static string ExecutionPath(HttpResponseMessage response)
    {
        var timing = Assert.Single(response.Headers.GetValues("Server-Timing"));
        var match = System.Text.RegularExpressions.Regex.Match(timing, "^exec;desc=\"(compiled|resolvers)\";dur=[0-9.]+$");
        Assert.True(match.Success, timing);
        return match.Groups[1].Value;
    }
}
