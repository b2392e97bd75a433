using System.Text.Json;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// The argument values the seed data actually holds, read from the API itself so that generated queries hit real
/// rows (and, mixed with values that match nothing, empty results) whatever the seed files come to contain.
/// </summary>
public sealed record SeedVocabulary(
    IReadOnlyList<string> Slugs,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> TokenSymbols,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> RevenueMetrics,
    IReadOnlyList<string> Quarters,
    IReadOnlyList<string> Dates,
    IReadOnlyList<string> NetworkMetrics,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Cursors)
{
    /// <summary>The orders of <c>projects</c> (field and direction, as <see cref="Cursors"/> is keyed).</summary>
    public static readonly string[] Orders = ["SLUG ASC", "SLUG DESC", "NAME ASC", "NAME DESC"];

    private const string Query = """
        {
          all: projects(first: 100) {
            nodes { slug name tokenSymbol revenue { quarter } tokenPrices { date } settlementMix { date } metrics { metric } }
          }
          sectors: __type(name: "Sector") { enumValues { name } }
          revenueMetrics: __type(name: "RevenueMetric") { enumValues { name } }
          SLUG_ASC_2: projects(first: 2, orderBy: {field: SLUG, direction: ASC}) { pageInfo { endCursor } }
          SLUG_ASC_all: projects(first: 100, orderBy: {field: SLUG, direction: ASC}) { pageInfo { endCursor } }
          SLUG_DESC_2: projects(first: 2, orderBy: {field: SLUG, direction: DESC}) { pageInfo { endCursor } }
          SLUG_DESC_all: projects(first: 100, orderBy: {field: SLUG, direction: DESC}) { pageInfo { endCursor } }
          NAME_ASC_2: projects(first: 2, orderBy: {field: NAME, direction: ASC}) { pageInfo { endCursor } }
          NAME_ASC_all: projects(first: 100, orderBy: {field: NAME, direction: ASC}) { pageInfo { endCursor } }
          NAME_DESC_2: projects(first: 2, orderBy: {field: NAME, direction: DESC}) { pageInfo { endCursor } }
          NAME_DESC_all: projects(first: 100, orderBy: {field: NAME, direction: DESC}) { pageInfo { endCursor } }
        }
        """;

    public static async Task<SeedVocabulary> ReadAsync(GraphQLClient client)
    {
        var data = await client.DataAsync(Query);
        var projects = data.GetProperty("all").GetProperty("nodes").EnumerateArray().ToList();
        List<string> Each(Func<JsonElement, IEnumerable<JsonElement>> select) =>
            projects.SelectMany(select).Select(e => e.GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();
        List<string> EnumValues(string name) =>
            data.GetProperty(name).GetProperty("enumValues").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToList();

        var vocabulary = new SeedVocabulary(
            Slugs: Each(p => [p.GetProperty("slug")]),
            Names: Each(p => [p.GetProperty("name")]),
            TokenSymbols: Each(p => [p.GetProperty("tokenSymbol")]),
            Sectors: EnumValues("sectors"),
            RevenueMetrics: EnumValues("revenueMetrics"),
            Quarters: Each(p => p.GetProperty("revenue").EnumerateArray().Select(r => r.GetProperty("quarter"))),
            Dates: Each(p => p.GetProperty("tokenPrices").EnumerateArray().Select(t => t.GetProperty("date"))
                .Concat(p.GetProperty("settlementMix").EnumerateArray().Select(s => s.GetProperty("date")))),
            NetworkMetrics: Each(p => p.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("metric"))),
            // Per order, the end of a first page of two and the last project's (a page after it is empty).
            Cursors: Orders.ToDictionary(order => order, order => (IReadOnlyList<string>)new[] { "2", "all" }
                .Select(page => data.GetProperty(order.Replace(' ', '_') + "_" + page).GetProperty("pageInfo").GetProperty("endCursor").GetString()!)
                .ToList()));

        // A generator fed from an empty database would only ever test empty lists.
        Assert.True(vocabulary.Slugs.Count > 2 && vocabulary.Quarters.Count > 1 && vocabulary.Dates.Count > 0 && vocabulary.NetworkMetrics.Count > 1,
            "The seed data is too thin to generate meaningful queries: " + JsonSerializer.Serialize(vocabulary));
        return vocabulary;
    }
}
