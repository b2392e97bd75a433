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
    string FirstPageEndCursor)
{
    private const string Query = """
        {
          all: projects(first: 100) {
            nodes { slug name tokenSymbol revenue { quarter } tokenPrices { date } settlementMix { date } metrics { metric } }
          }
          sectors: __type(name: "Sector") { enumValues { name } }
          revenueMetrics: __type(name: "RevenueMetric") { enumValues { name } }
          firstPage: projects(first: 2) { pageInfo { endCursor } }
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
            FirstPageEndCursor: data.GetProperty("firstPage").GetProperty("pageInfo").GetProperty("endCursor").GetString()!);

        // A generator fed from an empty database would only ever test empty lists.
        Assert.True(vocabulary.Slugs.Count > 2 && vocabulary.Quarters.Count > 1 && vocabulary.Dates.Count > 0 && vocabulary.NetworkMetrics.Count > 1,
            "The seed data is too thin to generate meaningful queries: " + JsonSerializer.Serialize(vocabulary));
        return vocabulary;
    }
}
