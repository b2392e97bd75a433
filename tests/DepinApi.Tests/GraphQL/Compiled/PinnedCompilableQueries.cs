using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// Hand-written compilable operations kept whatever the generator does: the one the load benchmark measures, and
/// edges a random generator reaches only by luck (every argument a variable, null variables, empty results).
/// </summary>
public static partial class PinnedCompilableQueries
{
    public static IReadOnlyDictionary<string, GeneratedQuery> All { get; } = new Dictionary<string, GeneratedQuery>
    {
        ["benchmark nested query"] = new(BenchmarkNestedQuery(), null),
        ["a variable for every argument"] = new("""
            query Every($sector: Sector, $search: String, $slugs: [String!], $field: ProjectOrderField!, $direction: OrderDirection!,
                        $first: Int!, $slug: String!, $from: Quarter, $to: Quarter, $metric: RevenueMetric, $units: Units!,
                        $dayFrom: Date, $dayTo: Date, $networkMetric: String, $show: Boolean!, $hide: Boolean!) {
              projects(filter: {sector: $sector, search: $search, slugs: $slugs}, orderBy: {field: $field, direction: $direction}, first: $first) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage }
                nodes {
                  slug name
                  revenue(from: $from, to: $to, metric: $metric, units: $units) { id quarter amountUsd value units }
                  tokenPrices(from: $dayFrom, to: $dayTo) { id date priceUsd }
                  metrics(metric: $networkMetric) { id period value valueMax }
                  latestPrice @include(if: $show) { priceUsd }
                  settlementMix @skip(if: $hide) { id stablecoinShare }
                }
              }
              project(slug: $slug) { name revenue(from: $from, to: $to, metric: $metric, units: $units) { id amountUsd } }
            }
            """, JsonNode.Parse("""
            {"sector": "COMPUTE", "search": "a", "slugs": ["akash", "aethir", "io-net", "render"], "field": "NAME", "direction": "DESC",
             "first": 3, "slug": "aethir", "from": "2025Q1", "to": "2025Q3", "metric": "QUARTERLY_REVENUE", "units": "LIN",
             "dayFrom": "2026-01-01", "dayTo": "2026-12-31", "networkMetric": "active_compute_clients", "show": true, "hide": false}
            """)!.AsObject()),
        ["null-valued variables"] = new("""
            query ($from: Quarter, $filter: ProjectFilter, $order: ProjectOrder, $metric: String) {
              projects(filter: $filter, orderBy: $order) { nodes { slug revenue(from: $from) { id quarter } metrics(metric: $metric) { id } } }
            }
            """, JsonNode.Parse("""{"from": null, "filter": null, "order": null, "metric": null}""")!.AsObject()),
        ["aliased __typename at every level"] = new("""
            { kind: __typename projects(first: 2) { kind: __typename nodes { kind: __typename slug latestPrice { kind: __typename source { kind: __typename } } } pageInfo { kind: __typename hasNextPage } } }
            """, null),
        ["unknown project"] = new("""{ project(slug: "unknown") { slug name revenue { id } latestPrice { priceUsd } } }""", null),
        ["empty slugs filter"] = new("""
            { projects(filter: {slugs: []}) { totalCount nodes { slug } pageInfo { hasNextPage hasPreviousPage } } }
            """, null),
        ["two aliases of revenue with different arguments"] = new("""
            { project(slug: "aethir") { a: revenue(metric: QUARTERLY_REVENUE) { id amountUsd } b: revenue(from: "2025Q1") { id quarter } revenue { id } } }
            """, null),
        ["every root figure list"] = new("""
            { revenue(quarter: "2025Q3") { id project amountUsd units value source { id } }
              settlementMix { id stablecoinShare nativeShare label }
              tokenPrices(date: "2026-06-01") { id priceUsd change1y }
              sectorFigures(scope: DEPIN) { id value valueMax unit periodStart }
              sources { id publishedOn publishedLabel url } }
            """, null),
        ["a sector without projects, first 0 and first 100"] = new("""
            { none: projects(filter: {sector: SENSORS}) { totalCount nodes { slug } pageInfo { hasNextPage } }
              zero: projects(first: 0) { totalCount nodes { slug } pageInfo { hasNextPage hasPreviousPage } }
              all: projects(first: 100, orderBy: {field: NAME, direction: DESC}) { totalCount nodes { name } } }
            """, null),
    };

    // The load harness keeps its query in bench/load/lib/queries.mjs; reading it from there keeps the two in step.
    private static string BenchmarkNestedQuery()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "bench", "load", "lib", "queries.mjs"));
        var match = NestedQuery().Match(source);
        return match.Success ? match.Groups["query"].Value : throw new InvalidOperationException("DEPIN_NESTED_QUERY not found in bench/load/lib/queries.mjs");
    }

    [GeneratedRegex(@"export const DEPIN_NESTED_QUERY = `(?<query>[^`]+)`")]
    private static partial Regex NestedQuery();
}
