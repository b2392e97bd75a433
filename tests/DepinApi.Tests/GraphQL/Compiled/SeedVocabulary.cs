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
    /// <summary>The orders of <c>projects</c> (field and direction, as <see cref="CursorsOf"/> takes them).</summary>
    public static readonly string[] Orders = ["SLUG ASC", "SLUG DESC", "NAME ASC", "NAME DESC"];

    /// <summary>
    /// Cursors of the unfiltered list in <paramref name="order"/> ("NAME DESC") read with <paramref name="asOf"/> (null
    /// for none; one of <see cref="SubsetArguments.AsOfValues"/>), which is what they are signed for: the end of a
    /// first page of two and the last project's (a page after it is empty).
    /// </summary>
    public IReadOnlyList<string> CursorsOf(string order, string? asOf) => Cursors[CursorKey(order, asOf)];

    private static string CursorKey(string order, string? asOf) => $"{order} @{asOf}";

    private const string Query = """
        {
          all: projects(first: 100) {
            nodes { slug name tokenSymbol revenue { quarter } tokenPrices { date } settlementMix { date } metrics { metric } }
          }
          sectors: __type(name: "Sector") { enumValues { name } }
          revenueMetrics: __type(name: "RevenueMetric") { enumValues { name } }
        }
        """;

    // A request reads one asOf, so the cursors of each are read by a request of their own.
    private static string CursorQuery(string? asOf) =>
        "{ " + string.Join(" ", Orders.SelectMany(order => new[] { ("2", 2), ("all", 100) }.Select(page =>
        {
            var (field, direction) = (order.Split(' ')[0], order.Split(' ')[1]);
            var at = asOf is null ? "" : $", asOf: \"{asOf}\"";
            return $"{field}_{direction}_{page.Item1}: projects(first: {page.Item2}, orderBy: {{field: {field}, direction: {direction}}}{at}) {{ pageInfo {{ endCursor }} }}";
        }))) + " }";

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
            Cursors: await ReadCursorsAsync(client));

        // A generator fed from an empty database would only ever test empty lists.
        Assert.True(vocabulary.Slugs.Count > 2 && vocabulary.Quarters.Count > 1 && vocabulary.Dates.Count > 0 && vocabulary.NetworkMetrics.Count > 1,
            "The seed data is too thin to generate meaningful queries: " + JsonSerializer.Serialize(vocabulary));
        return vocabulary;
    }

    /// <summary>
    /// The vocabulary with its cursors read again: a cursor is bound to the data version it was read from, so a
    /// fixture that imports a version after reading the vocabulary reads them again for the generated queries to page.
    /// </summary>
    public async Task<SeedVocabulary> WithCursorsAsync(GraphQLClient client) => this with { Cursors = await ReadCursorsAsync(client) };

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadCursorsAsync(GraphQLClient client)
    {
        var cursors = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var asOf in SubsetArguments.AsOfValues.Distinct().Prepend(null))
        {
            var body = await client.PostAsync(CursorQuery(asOf));
            if (body.TryGetProperty("errors", out var errors))
            {
                // A version not imported (yet) has no cursors.
                Assert.True(errors.EnumerateArray().All(e => e.GetProperty("extensions").GetProperty("code").GetString() == "DATA_VERSION_NOT_FOUND"),
                    errors.GetRawText());
                continue;
            }
            var pages = body.GetProperty("data");
            foreach (var order in Orders)
                cursors[CursorKey(order, asOf)] = new[] { "2", "all" }
                    .Select(page => pages.GetProperty(order.Replace(' ', '_') + "_" + page).GetProperty("pageInfo").GetProperty("endCursor").GetString()!)
                    .ToList();
        }
        return cursors;
    }
}
