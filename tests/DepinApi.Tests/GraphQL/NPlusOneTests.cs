using DepinApi.GraphQL.Execution;
using DepinApi.ReadModel;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// The SQL commands a request sends are bounded by the depth of the query, not by its rows: every project's
/// revenue, prices and settlement mix come in one command each, however many projects the page holds.
/// </summary>
public class NPlusOneTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    private const string NestedPage = """
        { projects(first: 100) { nodes {
            slug
            revenue { quarter amountUsd source { publisher } }
            tokenPrices { date priceUsd source { publisher } }
            settlementMix { stablecoinShare source { publisher } }
        } } }
        """;

    [Fact]
    public async Task A_full_page_with_three_nested_lists_sends_five_commands()
    {
        var (result, commands) = await ExecuteCountingAsync(NestedPage);

        Assert.Empty(result.Errors);
        var projects = (object?[])((ResponseMap)result.Data!["projects"]!)["nodes"]!;
        Assert.Equal(7, projects.Length);
        // Opening the session (1), the page of projects (1), then one command per nested kind (3): 7 projects
        // loaded one by one would take 1 + 1 + 7 × 3 = 23.
        Assert.Equal(5, commands);
    }

    [Fact]
    public async Task The_same_field_under_every_project_with_other_arguments_is_one_more_command_not_one_per_project()
    {
        var (result, commands) = await ExecuteCountingAsync("""
            { projects(first: 100) { nodes {
                all: revenue { id }
                recent: revenue(from: "2026Q1") { id }
                latestPrice { priceUsd }
                sources { id }
            } } }
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(2 + 4, commands);
    }

    [Fact]
    public async Task Citing_figures_of_every_kind_reads_no_revenue_for_preferred_marks()
    {
        const string query = """
            { projects(first: 100) { nodes {
                revenue { citation permalink }
                tokenPrices { citation }
                settlementMix { permalink }
            } } }
            """;
        // The project names the citations need are read once per data version (ProjectNames): by this request at most.
        await ExecuteCountingAsync(query);
        var (result, commands) = await ExecuteCountingAsync(query);

        Assert.Empty(result.Errors);
        // Opening the session, the page and the three lists: 5. Marking the preferred revenue statements (every
        // project's revenue once more) is left to requests that select preferred.
        Assert.Equal(5, commands);
    }

    [Fact]
    public async Task Selecting_preferred_beside_citations_reads_every_projects_revenue_once_more()
    {
        const string query = """
            { projects(first: 100) { nodes {
                revenue { preferred citation }
                other: revenue(from: "2026Q1") { preferred permalink }
            } } }
            """;
        await ExecuteCountingAsync(query);
        var (result, commands) = await ExecuteCountingAsync(query);

        Assert.Empty(result.Errors);
        // Opening, the page, the two revenue lists and the preferred marks, each once per request.
        Assert.Equal(5, commands);
    }

    private async Task<(ExecutionResult Result, int Commands)> ExecuteCountingAsync(string query)
    {
        var services = api.Factory.Services;
        var http = new DefaultHttpContext { RequestServices = services };
        await using var state = new GraphQLRequestState(services.GetRequiredService<ReadSessionFactory>(), http);
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = services.GetRequiredService<GraphQLSchema>(),
            Document = Parser.Parse(query),
            UserContext = state,
            RequestServices = services,
        });
        return (result, state.OpenedSession!.CommandCount);
    }
}
