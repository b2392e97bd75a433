using System.Text.Json;

namespace DepinApi.Tests.GraphQL;

/// <summary>Queries over the seed data return its figures with their sources and quotes.</summary>
public class FigureQueryTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Fact]
    public async Task A_project_returns_its_revenue_figures_with_source_basis_qualifier_and_quote()
    {
        var data = await api.Client.DataAsync("""
            { project(slug: "aethir") { name sector revenue(metric: QUARTERLY_REVENUE) {
                id quarter metric amountUsd basis qualifier quote source { publisher title publishedOn publishedLabel } } } }
            """);

        var project = data.GetProperty("project");
        Assert.Equal("Aethir", project.GetProperty("name").GetString());
        Assert.Equal("COMPUTE", project.GetProperty("sector").GetString());
        var q2 = project.GetProperty("revenue").EnumerateArray().Single(f => f.GetProperty("quarter").GetString() == "2025Q2");
        Assert.Equal(32_700_000m, q2.GetProperty("amountUsd").GetDecimal());
        Assert.Equal("QUARTERLY_REVENUE", q2.GetProperty("metric").GetString());
        Assert.Equal("DISCLOSED", q2.GetProperty("basis").GetString());
        Assert.Equal("BlockEden.xyz", q2.GetProperty("source").GetProperty("publisher").GetString());
        Assert.Equal(JsonValueKind.Null, q2.GetProperty("source").GetProperty("publishedOn").ValueKind);
        Assert.Equal("early 2026", q2.GetProperty("source").GetProperty("publishedLabel").GetString());
        Assert.Contains("$32.7 million in Q2", q2.GetProperty("quote").GetString());
    }

    [Fact]
    public async Task Decimals_are_written_digit_for_digit_as_REST_writes_them()
    {
        var response = await api.Client.SendPostAsync("""{ project(slug: "hivemapper") { latestPrice { priceUsd change1y } } revenue(quarter: "2026Q2") { amountUsd } }""");
        var text = await response.Content.ReadAsStringAsync();

        // Every digit of the value, none of the column's scale (0.001804000000, 500000000.00 in Postgres).
        Assert.Contains("\"priceUsd\":0.001804,", text);
        Assert.Contains("\"change1y\":-0.9305}", text);
        Assert.Contains("\"amountUsd\":500000000}", text);
        Assert.DoesNotMatch(@"\d\.\d*0[,}\]]", text);
    }

    [Fact]
    public async Task Every_kind_of_figure_of_a_project_comes_with_its_provenance()
    {
        var data = await api.Client.DataAsync("""
            { project(slug: "helium") {
                settlementMix { id date stablecoinShare nativeShare label basis qualifier quote source { id } }
                tokenPrices(from: "2026-01-01", to: "2026-12-31") { id date priceUsd change1y basis quote source { publisher } }
                latestPrice { date priceUsd }
                metrics { id metric value unit basis qualifier quote }
                sources { id publisher }
            } }
            """);

        var helium = data.GetProperty("project");
        var mix = Assert.Single(helium.GetProperty("settlementMix").EnumerateArray());
        Assert.Equal(0.70m, mix.GetProperty("stablecoinShare").GetDecimal());
        Assert.Equal("ABOUT", mix.GetProperty("qualifier").GetString());
        Assert.Equal("ESTIMATE", mix.GetProperty("basis").GetString());
        Assert.Equal("gate-2026-06-01", mix.GetProperty("source").GetProperty("id").GetString());
        var price = Assert.Single(helium.GetProperty("tokenPrices").EnumerateArray());
        Assert.Equal(0.7277m, price.GetProperty("priceUsd").GetDecimal());
        Assert.Equal("DISCLOSED", price.GetProperty("basis").GetString());
        Assert.Equal("2026-06-01", helium.GetProperty("latestPrice").GetProperty("date").GetString());
        var share = helium.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "share_of_sector_external_revenue");
        Assert.Equal("FRACTION", share.GetProperty("unit").GetString());
        Assert.Equal(["gate-2026-06-01"], helium.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Units_transform_a_series_and_leave_a_value_without_an_earlier_quarter_null()
    {
        var data = await api.Client.DataAsync("""
            { project(slug: "aethir") {
                pch: revenue(metric: QUARTERLY_REVENUE, units: PCH) { quarter amountUsd units value }
                chg: revenue(metric: QUARTERLY_REVENUE, units: CHG, from: "2025Q2") { quarter value }
            } }
            """);

        var pch = data.GetProperty("project").GetProperty("pch").EnumerateArray().ToDictionary(f => f.GetProperty("quarter").GetString()!);
        Assert.Equal(JsonValueKind.Null, pch["2025Q1"].GetProperty("value").ValueKind);
        Assert.Equal(14.736842m, pch["2025Q2"].GetProperty("value").GetDecimal());
        Assert.Equal(32_700_000m, pch["2025Q2"].GetProperty("amountUsd").GetDecimal());
        Assert.Equal("PCH", pch["2025Q2"].GetProperty("units").GetString());
        // from 2025Q2 still compares Q2 with Q1, which is read but not listed.
        var chg = data.GetProperty("project").GetProperty("chg").EnumerateArray().ToList();
        Assert.Equal(["2025Q2", "2025Q3"], chg.Select(f => f.GetProperty("quarter").GetString()));
        Assert.Equal(4_200_000m, chg[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Root_lists_cover_every_project()
    {
        var data = await api.Client.DataAsync("""
            { revenue(quarter: "2026Q2", metric: ANNUALIZED_EXTERNAL_REVENUE) { project amountUsd }
              settlementMix { project }
              tokenPrices(date: "2026-06-01") { project priceUsd }
              sectors { sector projectCount projects { slug } }
              sectorFigures(scope: DEPIN) { id value unit }
              sources { id title }
              meta { dataVersion importedAt } }
            """);

        Assert.Contains(data.GetProperty("revenue").EnumerateArray(), f => f.GetProperty("project").GetString() == "helium"
                                                                          && f.GetProperty("amountUsd").GetDecimal() == 520_000_000m);
        Assert.Equal(4, data.GetProperty("settlementMix").GetArrayLength());
        Assert.Contains(data.GetProperty("tokenPrices").EnumerateArray(), p => p.GetProperty("project").GetString() == "akash");
        Assert.Equal(7, data.GetProperty("sectors").EnumerateArray().Sum(s => s.GetProperty("projectCount").GetInt32()));
        Assert.All(data.GetProperty("sectorFigures").EnumerateArray(), f => Assert.StartsWith("depin-", f.GetProperty("id").GetString()));
        Assert.Equal(3, data.GetProperty("sources").GetArrayLength());
        Assert.Equal(1, data.GetProperty("meta").GetProperty("dataVersion").GetInt32());
        Assert.EndsWith("Z", data.GetProperty("meta").GetProperty("importedAt").GetString());
    }

    [Fact]
    public async Task An_instant_reads_as_rest_writes_it_on_the_compiled_path_and_the_resolvers()
    {
        var rest = JsonDocument.Parse(await api.Client.Http.GetStringAsync("/v1/meta")).RootElement
            .GetProperty("dataVersion").GetProperty("importedAt").GetString();
        // meta compiles into the statement; changes are resolved: both must write the instant REST writes.
        var data = await api.Client.DataAsync("{ meta { importedAt } changes(first: 1) { nodes { importedAt } } }");

        Assert.Equal(rest, data.GetProperty("meta").GetProperty("importedAt").GetString());
        Assert.Equal(rest, data.GetProperty("changes").GetProperty("nodes")[0].GetProperty("importedAt").GetString());
    }

    [Fact]
    public async Task An_unknown_slug_is_null_not_an_error()
    {
        var data = await api.Client.DataAsync("""{ project(slug: "no-such-project") { slug } }""");

        Assert.Equal(JsonValueKind.Null, data.GetProperty("project").ValueKind);
    }

    [Theory]
    [InlineData(99, "DATA_VERSION_NOT_FOUND")]
    [InlineData(0, "BAD_VERSION")]
    [InlineData(-5, "BAD_VERSION")]
    public async Task Changes_of_a_version_not_served_are_an_error_naming_the_argument_as_REST_answers_them(int version, string code)
    {
        var body = await api.Client.PostAsync($"{{ changes(version: {version}, first: 5) {{ totalCount }} }}");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("version", error.GetProperty("extensions").GetProperty("argument").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Changes_list_what_the_first_import_added()
    {
        var data = await api.Client.DataAsync("""{ changes(version: 1, first: 5) { totalCount nodes { version table id kind } pageInfo { hasNextPage endCursor } } }""");

        var changes = data.GetProperty("changes");
        Assert.True(changes.GetProperty("totalCount").GetInt32() > 5);
        Assert.All(changes.GetProperty("nodes").EnumerateArray(), c => Assert.Equal("ADDED", c.GetProperty("kind").GetString()));
        var next = await api.Client.DataAsync("query($after: String) { changes(version: 1, first: 5, after: $after) { nodes { id } } }",
            new { after = changes.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        Assert.Equal(5, next.GetProperty("changes").GetProperty("nodes").GetArrayLength());
        Assert.DoesNotContain(next.GetProperty("changes").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()),
            changes.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).Contains);
    }
}
