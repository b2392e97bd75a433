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
        ["benchmark nested query"] = new(BenchmarkQuery("DEPIN_NESTED_QUERY"), null),
        ["benchmark asOf shape"] = new(BenchmarkQuery("DEPIN_AS_OF_QUERY"), null),
        ["benchmark units shape"] = new(BenchmarkQuery("DEPIN_UNITS_QUERY"), null),
        ["benchmark three levels shape"] = new(BenchmarkQuery("DEPIN_THREE_LEVELS_QUERY"), null),
        ["benchmark cited shape"] = new(BenchmarkQuery("DEPIN_CITED_QUERY"), null),
        ["benchmark wide shape"] = new(BenchmarkQuery("DEPIN_WIDE_QUERY"), JsonNode.Parse("""{"slug": "helium"}""")!.AsObject()),
        ["benchmark wide shape, a range of prices"] = new(BenchmarkQuery("DEPIN_WIDE_QUERY"),
            JsonNode.Parse("""{"slug": "helium", "from": "2026-01-01", "to": "2026-06-30"}""")!.AsObject()),
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
        ["a metric only other projects state, and ranges of one quarter and one day that hold nothing"] = new("""
            { project(slug: "helium") { slug metrics(metric: "active_compute_clients") { id } revenue(from: "2024Q1", to: "2024Q1") { id }
                                        tokenPrices(from: "2020-01-01", to: "2020-01-01") { id } } }
            """, null),
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
        ["asOf a past version, followed by the root fields without it"] = new("""
            query ($v: AsOf) {
              projects(asOf: $v, orderBy: {field: NAME}) { totalCount nodes { slug name revenue(from: "2025Q2", to: "2025Q2") { id amountUsd source { id } } } }
              project(slug: "aethir") { name revenue(metric: QUARTERLY_REVENUE) { id amountUsd } latestPrice { priceUsd } }
              revenue(quarter: "2025Q2") { id project amountUsd }
              sources { id title }
            }
            """, JsonNode.Parse("""{"v": "1"}""")!.AsObject()),
        ["a former slug before the version that introduced it"] = new("""
            { before: project(slug: "rndr", asOf: "1") { slug } }
            """, null),
        ["a former slug in the version that introduced it"] = new("""
            { after: project(slug: "rndr", asOf: "2") { slug name } }
            """, null),
        ["asOf a day after every import"] = new("""
            { projects(first: 3, asOf: "9999-12-31", orderBy: {field: NAME, direction: DESC}) { nodes { name } pageInfo { hasNextPage } } }
            """, null),
        ["every unit over every series, from each series' start"] = new("""
            { projects(first: 100) { nodes { slug
                lin: revenue { id value units } chg: revenue(units: CHG) { id amountUsd value units }
                pch: revenue(units: PCH) { id quarter value } pc1: revenue(units: PC1) { id value } } }
              pch: revenue(units: PCH) { id project value } chg: revenue(units: CHG, metric: QUARTERLY_REVENUE) { id value } }
            """, null),
        ["units from a quarter whose previous one is not listed, and an empty series"] = new("""
            { project(slug: "aethir") { a: revenue(from: "2025Q3", units: PCH) { id quarter value } b: revenue(from: "2025Q3", to: "2025Q3", units: CHG) { id value }
                                        none: revenue(from: "2030Q1", units: PCH) { id } c: revenue(to: "2024Q1", units: PC1) { id } }
              q: revenue(quarter: "2025Q3", units: PCH) { id value } }
            """, null),
        ["units on the past version"] = new("""
            { project(slug: "aethir", asOf: "1") { revenue(units: PCH) { id value } chg: revenue(units: CHG) { id value } } }
            """, null),
        // A field left out of the response reads nothing, so its asOf is no conflict (spec: CollectFields).
        ["a skipped root field asking for another version"] = new("""
            { a: project(slug: "aethir", asOf: "1") @skip(if: true) { slug } b: project(slug: "aethir", asOf: "2") { slug } }
            """, null),
        ["a root field left out by a variable, asking for another version"] = new("""
            query($in: Boolean!) { a: project(slug: "aethir", asOf: "1") @include(if: $in) { slug } ... on Query @include(if: $in) { c: meta(asOf: "1") { dataVersion } } b: project(slug: "aethir", asOf: "2") { slug } }
            """, new JsonObject { ["in"] = false }),
    };

    /// <summary>Operations the endpoint fails before either path runs them, so alike.</summary>
    public static IReadOnlyDictionary<string, GeneratedQuery> FailedBeforeExecution { get; } = new Dictionary<string, GeneratedQuery>
    {
        ["root fields asking for different versions"] = new("""
            { a: project(slug: "aethir", asOf: "1") { slug } b: project(slug: "aethir", asOf: "2") { slug } }
            """, null),
        ["root fields asking for different versions through a variable and a fragment"] = new("""
            query($v: AsOf) { ...F b: project(slug: "aethir", asOf: $v) { slug } } fragment F on Query { a: project(slug: "aethir", asOf: "1") { slug } }
            """, new JsonObject { ["v"] = "2" }),
    };

    /// <summary>Operations both paths must refuse alike; the resolvers answer them (their errors are written once).</summary>
    public static IReadOnlyDictionary<string, GeneratedQuery> Refused { get; } = new Dictionary<string, GeneratedQuery>
    {
        ["asOf a day before any data"] = new("""{ projects(asOf: "2000-01-01") { nodes { slug } } }""", null),
        ["asOf a version that does not exist"] = new("""{ project(slug: "aethir", asOf: "99") { slug } }""", null),
        ["a null @include condition, a field error in place"] = new("""
            query($v: Boolean = true) { project(slug: "aethir") { slug name @include(if: $v) } }
            """, new JsonObject { ["v"] = null }),
        // REST answers each of these with a 400 invalid-parameter; an empty list would read as "no data".
        ["a revenue range whose start is after its end"] = new("""
            { project(slug: "aethir") { slug revenue(from: "2025Q3", to: "2025Q1") { id } } sources { id } }
            """, null),
        ["a revenue range out of order through variables, on every project of a page"] = new("""
            query($from: Quarter, $to: Quarter) { projects(first: 3) { totalCount nodes { slug revenue(from: $from, to: $to, units: PCH) { id value } } } }
            """, new JsonObject { ["from"] = "2026Q2", ["to"] = "2025Q1" }),
        ["a price range whose start is after its end"] = new("""
            { project(slug: "aethir") { tokenPrices(from: "2026-07-01", to: "2026-01-01") { id priceUsd } } }
            """, null),
        ["a network metric no figure states"] = new("""
            { project(slug: "aethir") { slug metrics(metric: "foo") { id } } meta { dataVersion } }
            """, null),
        ["a network metric no figure states, through a variable, on a past version"] = new("""
            query($metric: String) { projects(first: 100, asOf: "1") { nodes { slug metrics(metric: $metric) { id value } } } }
            """, new JsonObject { ["metric"] = "active_compute_client" }),
    };

    /// <summary>
    /// A query of the load harness, which keeps its queries in bench/load/lib/queries.mjs; reading them from there keeps
    /// the two in step.
    /// </summary>
    public static string BenchmarkQuery(string name)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "bench", "load", "lib", "queries.mjs"));
        var match = HarnessQuery().Matches(source).FirstOrDefault(m => m.Groups["name"].Value == name);
        return match?.Groups["query"].Value ?? throw new InvalidOperationException(name + " not found in bench/load/lib/queries.mjs");
    }

    [GeneratedRegex(@"export const (?<name>DEPIN_[A-Z_]+) = `(?<query>[^`]+)`")]
    private static partial Regex HarnessQuery();
}
