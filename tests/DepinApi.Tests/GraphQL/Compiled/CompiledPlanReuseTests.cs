using DepinApi.GraphQL.Compiled;
using DepinApi.Rest.Infrastructure;
using DepinApi.Tests.Infrastructure;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// Postgres plans a compiled page of projects once and runs that plan again, rather than planning the statement at
/// every execution, which on a large table took as long as running it. Shown over a thousand projects, where a page
/// size bound as a parameter kept Postgres planning every time (<see cref="SqlStatementBuilder.PageSize"/>).
/// </summary>
public class CompiledPlanReuseTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    // Postgres plans a prepared statement for its values five times before it weighs a plan for any values.
    private const int Executions = 8;

    [Theory]
    [InlineData("{ projects(first: 3) { pageInfo { hasNextPage } nodes { slug revenue { amountUsd } settlementMix { nativeShare } } } }")]
    [InlineData("{ projects(first: 20, orderBy: { field: NAME }) { nodes { name latestPrice { priceUsd } } } }")]
    [InlineData("{ projects(first: 3, after: \"CURSOR\") { edges { cursor node { slug revenue { quarter } } } pageInfo { endCursor } } }")]
    public async Task A_page_of_projects_is_planned_once_over_a_thousand_projects(string query)
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            // Its own connection, unpooled: prepared statements and their plan counts belong to one session.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await AddThousandProjectsAsync(connection);
            var statement = Compile(query.Replace("CURSOR", await SecondPageCursorAsync()));

            await using var command = statement.CreateCommand(connection);
            await command.PrepareAsync();
            for (var i = 0; i < Executions; i++)
            {
                await using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
            }

            await using var plans = new NpgsqlCommand("SELECT generic_plans, custom_plans FROM pg_prepared_statements", connection);
            await using var counts = await plans.ExecuteReaderAsync();
            Assert.True(await counts.ReadAsync());
            var (generic, custom) = (counts.GetInt64(0), counts.GetInt64(1));
            Assert.True(generic >= Executions - 5, $"planned for its values {custom} times in {Executions} executions, once for any {generic} times");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private CompiledStatement Compile(string query)
    {
        var services = api.Factory.Services;
        var request = new ExecutionRequest { Schema = services.GetRequiredService<GraphQLSchema>(), Document = Parser.Parse(query) };
        var selection = OperationSelection.TryCreate(request) ?? throw new InvalidOperationException("no operation selection");
        return CompiledStatement.TryCompile(selection, asOf: null, services.GetRequiredService<CursorCodec>())
            ?? throw new InvalidOperationException($"not compiled: {query}");
    }

    // The cursor after the first three projects, as the server signs it (its key is the fixture's process's).
    private async Task<string> SecondPageCursorAsync() =>
        (await api.Client.DataAsync("{ projects(first: 3) { pageInfo { endCursor } } }"))
            .GetProperty("projects").GetProperty("pageInfo").GetProperty("endCursor").GetString()!;

    // Each with two years of quarterly revenue, so that each project's lists cost what they cost on real data.
    private static async Task AddThousandProjectsAsync(NpgsqlConnection connection)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO data_versions (id, summary, source_dir) VALUES (1, '{}', 'plan reuse test');
            INSERT INTO project_keys (slug) SELECT 'project-' || lpad(n::text, 4, '0') FROM generate_series(1, 1000) n;
            INSERT INTO projects (slug, name, sector, sub_track, token_symbol, chain, description, valid_from)
            SELECT 'project-' || lpad(n::text, 4, '0'), 'Project ' || n, 'compute', 'Test', 'T' || n, 'Test', 'A test project.', 1
            FROM generate_series(1, 1000) n;
            INSERT INTO source_keys (id) VALUES ('test-source');
            INSERT INTO sources (id, publisher, title, published_on, published_label, kind, seed_file, valid_from)
            VALUES ('test-source', 'Test', 'Test figures', DATE '2026-01-01', 'test', 'third_party_estimate', 'test', 1);
            INSERT INTO revenue_figures (id, project, year, quarter, metric, amount_usd, basis, source, quote, valid_from)
            SELECT 'project-' || n || '-' || q, 'project-' || lpad(n::text, 4, '0'), 2016 + q / 4, 1 + q % 4, 'quarterly_revenue',
                   1000 + q, 'estimate', 'test-source', 'A test figure.', 1
            FROM generate_series(1, 1000) n CROSS JOIN generate_series(0, 7) q;
            ANALYZE;
            """, connection);
        await insert.ExecuteNonQueryAsync();
    }
}
