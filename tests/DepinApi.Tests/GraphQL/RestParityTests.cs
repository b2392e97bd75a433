using System.Net.Http.Json;
using System.Text.Json;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// REST and GraphQL are two views of one read model: the same figure has the same field names, the same numbers —
/// written digit for digit alike (500000000, not 500000000.00) — and the same permalink and citation in both. Enum
/// values are REST's upper-cased in GraphQL (disclosed ↔ DISCLOSED); everything else compares as is.
/// </summary>
public class RestParityTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    private const string Figures = """
        { projects(first: 100) { nodes { slug
            revenue(units: PCH) { id project quarter metric amountUsd units value basis qualifier preferred quote source { id publisher title publishedOn publishedLabel } permalink citation }
            lin: revenue { id amountUsd value preferred permalink citation }
            settlementMix { id project date stablecoinShare nativeShare shareOf label basis qualifier quote source { id publisher title publishedOn } permalink citation }
            tokenPrices { id project tokenSymbol date priceUsd change30d change90d change1y basis qualifier quote source { id publisher title publishedOn } permalink citation }
            metrics { id project period periodStart periodEnd metric value valueMax unit basis qualifier quote permalink citation }
        } } }
        """;

    public static TheoryData<string, string> Series => new()
    {
        { "revenue", "revenue?units=pch&limit=500" },
        { "lin", "revenue?limit=500" },
        { "metrics", "metrics?limit=500" },
        { "settlementMix", "settlement-mix?limit=500" },
        { "tokenPrices", "token-prices?limit=500" },
    };

    [Theory]
    [MemberData(nameof(Series))]
    public async Task Every_figure_of_every_project_has_the_same_fields_and_numbers_both_ways(string field, string restPath)
    {
        var projects = (await api.Client.DataAsync(Figures)).GetProperty("projects").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(7, projects.Count);

        var compared = 0;
        foreach (var project in projects)
        {
            var slug = project.GetProperty("slug").GetString();
            var rest = await api.Client.Http.GetFromJsonAsync<JsonElement>($"/v1/projects/{slug}/{restPath}");
            var restById = rest.GetProperty("data").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
            var graphById = project.GetProperty(field).EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);

            Assert.Equal(restById.Keys.Order(), graphById.Keys.Order());
            foreach (var (id, graph) in graphById)
            {
                AssertSame($"{field} {id}", restById[id], graph);
                compared++;
            }
        }
        Assert.True(compared > 0);
    }

    [Fact]
    public async Task Sector_figures_match_with_their_permalinks_and_citations()
    {
        var graph = (await api.Client.DataAsync("{ sectorFigures { id scope period metric value valueMax unit basis qualifier quote permalink citation } }"))
            .GetProperty("sectorFigures").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        var rest = (await api.Client.Http.GetFromJsonAsync<JsonElement>("/v1/sector-figures?limit=500")).GetProperty("data")
            .EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);

        Assert.Equal(rest.Keys.Order(), graph.Keys.Order());
        foreach (var (id, figure) in graph)
            AssertSame($"sectorFigures {id}", rest[id], figure);
    }

    [Fact]
    public async Task A_project_and_its_latest_price_match()
    {
        var graph = (await api.Client.DataAsync("""{ project(slug: "helium") { slug name sector subTrack tokenSymbol chain website description } }"""))
            .GetProperty("project");
        var rest = (await api.Client.Http.GetFromJsonAsync<JsonElement>("/v1/projects/helium")).GetProperty("data");
        var restProject = rest.TryGetProperty("project", out var nested) ? nested : rest;

        AssertSame("project helium", restProject, graph);
    }

    /// <summary>Every field the GraphQL object has (all selected fields) must equal REST's field of the same name.</summary>
    private static void AssertSame(string what, JsonElement rest, JsonElement graph)
    {
        foreach (var property in graph.EnumerateObject())
        {
            Assert.True(rest.TryGetProperty(property.Name, out var restValue), $"{what}: REST has no field \"{property.Name}\"");
            var graphValue = property.Value;
            if (graphValue.ValueKind == JsonValueKind.Object)
            {
                AssertSame($"{what}.{property.Name}", restValue, graphValue);
                continue;
            }
            Assert.True(Normalize(restValue) == Normalize(graphValue),
                $"{what}.{property.Name}: REST {restValue.GetRawText()} vs GraphQL {graphValue.GetRawText()}");
        }
    }

    // Numbers compare as written: the same digits, no trailing zeros on either side.
    private static string? Normalize(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString()!.ToUpperInvariant(),
        _ => value.GetRawText(),
    };
}
