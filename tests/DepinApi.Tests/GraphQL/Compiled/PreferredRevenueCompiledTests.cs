using System.Text.Json;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// <c>RevenueFigure.preferred</c> compiled (ranked in SQL) marks the statement the resolvers choose in C#
/// (<c>RevenueSelection.Choose</c>), for every tie-break of the rank. The seed data holds a few restated quarters,
/// not one of each tie-break, so this test adds its own: a synthetic project whose quarters each state one figure
/// several ways, made in the test's database as a data version of its own and labelled synthetic in every row.
/// </summary>
public class PreferredRevenueCompiledTests(CompiledExecutionServers servers) : IClassFixture<CompiledExecutionServers>
{
    private const string Project = "synthetic-statements";

    // (quarter, id suffix, qualifier, basis); the expected preferred statement of each quarter is marked by Preferred.
    private static readonly (string Quarter, string Id, string? Qualifier, string Basis)[] Statements =
    [
        // Equally precise: a disclosed figure before an estimate, though the estimate's id comes first; a bound never wins.
        ("2020Q1", "a", "about", "estimate"), ("2020Q1", "b", "about", "disclosed"), ("2020Q1", "c", "over", "disclosed"),
        // "about" is more precise than "nearly", whatever the basis.
        ("2020Q2", "a", "nearly", "disclosed"), ("2020Q2", "b", "about", "estimate"),
        // No qualifier first.
        ("2020Q3", "a", "about", "disclosed"), ("2020Q3", "b", null, "estimate"),
        // Alike but for the id: the smaller in code-point order, where "-" comes before "a" (a collation that ignores
        // punctuation would put "xa" first).
        ("2020Q4", "xa", null, "disclosed"), ("2020Q4", "x-y", null, "disclosed"),
        // Two bounds rank alike: the basis decides.
        ("2021Q1", "a", "under", "estimate"), ("2021Q1", "b", "up_to", "disclosed"),
    ];

    private static readonly string[] Preferred = ["2020q1-b", "2020q2-b", "2020q3-b", "2020q4-x-y", "2021q1-b"];

    [Fact]
    public async Task Compiled_preferred_marks_the_statement_the_resolvers_choose_for_every_tie_break()
    {
        await servers.AddVersionAsync(SyntheticStatementsSql());
        const string query = $$"""
            { project(slug: "{{Project}}") { revenue { id quarter preferred } other: revenue(from: "2020Q3", to: "2020Q4") { id preferred } } }
            """;

        var exchange = await servers.ExchangeAsync(new GeneratedQuery(query, null));

        Assert.True(exchange.Compiled.Says("compiled"), exchange.Compiled.ServerTiming);
        Assert.True(exchange.Resolvers.Says("resolvers"), exchange.Resolvers.ServerTiming);
        // The body alone: the cost's list bounds are refreshed by each server on its own after the version was added.
        Assert.Equal(NormalisedResponse.Of(exchange.Resolvers.Body).Body, NormalisedResponse.Of(exchange.Compiled.Body).Body);
        using var body = JsonDocument.Parse(exchange.Compiled.Body);
        var revenue = body.RootElement.GetProperty("data").GetProperty("project").GetProperty("revenue").EnumerateArray().ToList();
        Assert.Equal(Statements.Length, revenue.Count);
        var marked = revenue.Where(f => f.GetProperty("preferred").GetBoolean()).Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(Preferred.Select(suffix => $"{Project}-{suffix}").Order(StringComparer.Ordinal), marked);
        // A filtered list marks against every statement of the quarter, not only the listed ones.
        var other = body.RootElement.GetProperty("data").GetProperty("project").GetProperty("other").EnumerateArray();
        Assert.Equal(2, other.Count(f => f.GetProperty("preferred").GetBoolean()));
    }

    private static string SyntheticStatementsSql()
    {
        var rows = Statements.Select(s =>
        {
            var (year, quarter) = (s.Quarter[..4], s.Quarter[5..]);
            var qualifier = s.Qualifier is null ? "NULL" : $"'{s.Qualifier}'";
            return $"('{Project}-{s.Quarter.ToLowerInvariant()}-{s.Id}', '{Project}', {year}, {quarter}, 'quarterly_revenue', 1000000, "
                   + $"'{s.Basis}', {qualifier}, '{Project}-source', 'SYNTHETIC statement made by a test; not a real figure.', (SELECT max(id) FROM data_versions))";
        });
        return $$"""
            INSERT INTO data_versions (id, summary, source_dir)
            SELECT max(id) + 1, '{"revenue_figures": {"added": {{Statements.Length}}, "changed": 0, "removed": 0, "unchanged": 0} }',
                   'synthetic statements added by a test (not real data)'
            FROM data_versions;
            INSERT INTO source_keys (id) VALUES ('{{Project}}-source');
            INSERT INTO sources (id, publisher, title, published_on, published_label, kind, seed_file, url, valid_from)
            SELECT '{{Project}}-source', 'Synthetic test data', 'SYNTHETIC statements made by a test; not real figures',
                   DATE '2026-01-01', 'synthetic, made by a test', 'third_party_estimate', 'synthetic', NULL, max(id)
            FROM data_versions;
            INSERT INTO project_keys (slug) VALUES ('{{Project}}');
            INSERT INTO projects (slug, name, sector, sub_track, token_symbol, chain, website, description, valid_from)
            SELECT '{{Project}}', 'Synthetic Statements', 'compute', 'Synthetic', 'SYNSTMT', 'Synthetic', NULL,
                   'SYNTHETIC project made by a test; not a real network.', max(id)
            FROM data_versions;
            INSERT INTO revenue_figures (id, project, year, quarter, metric, amount_usd, basis, qualifier, source, quote, valid_from)
            VALUES {{string.Join(",\n       ", rows)}};
            """;
    }
}
