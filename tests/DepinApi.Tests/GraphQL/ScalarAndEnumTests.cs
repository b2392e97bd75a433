namespace DepinApi.Tests.GraphQL;

/// <summary>Bad scalar and enum input is a GraphQL error that names the expected form, never a 500.</summary>
public class ScalarAndEnumTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Fact]
    public async Task A_bad_quarter_literal_is_a_validation_error_naming_the_expected_form()
    {
        var response = await api.Client.SendPostAsync("""{ project(slug: "aethir") { revenue(from: "2025Q5") { id } } }""");
        var body = await GraphQLClient.ReadAsync(response);

        Assert.Equal(400, (int)response.StatusCode);
        var message = Assert.Single(GraphQLClient.Messages(body));
        Assert.StartsWith("Quarter cannot represent \"2025Q5\"", message);
        Assert.Contains("YYYYQn, e.g. 2025Q3", message);
    }

    [Fact]
    public async Task A_bad_quarter_variable_is_a_request_error_naming_the_expected_form()
    {
        var body = await api.Client.PostAsync("query($q: Quarter) { revenue(quarter: $q) { id } }", new { q = "Q3 2025" });

        var message = Assert.Single(GraphQLClient.Messages(body));
        Assert.Contains("$q", message);
        Assert.Contains("YYYYQn, e.g. 2025Q3", message);
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_bad_date_names_the_expected_form()
    {
        var body = await api.Client.PostAsync("""{ tokenPrices(date: "06/01/2026") { id } }""");

        Assert.Contains("YYYY-MM-DD", Assert.Single(GraphQLClient.Messages(body)));
    }

    [Fact]
    public async Task A_bad_as_of_names_the_expected_form()
    {
        var body = await api.Client.PostAsync("""{ meta(asOf: "yesterday") { dataVersion } }""");

        Assert.Contains("data version number", Assert.Single(GraphQLClient.Messages(body)));
    }

    [Fact]
    public async Task An_unknown_enum_value_suggests_the_known_ones()
    {
        var body = await api.Client.PostAsync("{ revenue(metric: QUARTERLY_REVENUES) { id } }");

        Assert.Contains("Did you mean the enum value \"QUARTERLY_REVENUE\"", Assert.Single(GraphQLClient.Messages(body)));
    }

    [Fact]
    public async Task Scalars_accept_their_forms_as_variables()
    {
        var data = await api.Client.DataAsync(
            "query($q: Quarter!, $d: Date!, $v: AsOf) { revenue(quarter: $q, asOf: $v) { quarter } tokenPrices(date: $d) { date } }",
            new { q = "2025Q3", d = "2026-06-01", v = "1" });

        Assert.All(data.GetProperty("revenue").EnumerateArray(), f => Assert.Equal("2025Q3", f.GetProperty("quarter").GetString()));
        Assert.NotEqual(0, data.GetProperty("revenue").GetArrayLength());
        Assert.All(data.GetProperty("tokenPrices").EnumerateArray(), p => Assert.Equal("2026-06-01", p.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task A_refused_long_value_is_quoted_in_part()
    {
        // A refused request must not come back larger than it was sent: the value is quoted cut, by the engine's
        // message and by the scalar's.
        var value = new string('x', 20_000);
        using var response = await api.Client.SendPostAsync("query($a: AsOf) { meta(asOf: $a) { dataVersion } }", new { a = value });
        var text = await response.Content.ReadAsStringAsync();

        var message = GraphQLClient.Messages(System.Text.Json.JsonDocument.Parse(text).RootElement).Single();
        Assert.StartsWith("Variable \"$a\" got invalid value \"xxx", message);
        Assert.Contains("(20,002 characters); AsOf cannot represent \"xxx", message);
        Assert.Contains("(20,002 characters): expected", message);
        Assert.True(text.Length < 2_000, $"{text.Length} bytes");
    }

    [Fact]
    public async Task A_number_too_large_for_a_double_is_quoted_as_sent_not_as_Infinity()
    {
        var digits = new string('9', 400);
        using var number = System.Text.Json.JsonDocument.Parse(digits);

        var body = await api.Client.PostAsync("query($f: Int) { projects(first: $f) { totalCount } }", new { f = number.RootElement });

        var message = GraphQLClient.Messages(body).Single();
        Assert.StartsWith("Variable \"$f\" got invalid value 999999", message);
        Assert.Contains("9… (400 characters), which is Infinity as a double; Int cannot represent non-integer value: Infinity", message);
    }

    [Fact]
    public async Task A_large_number_a_double_holds_keeps_its_message()
    {
        var body = await api.Client.PostAsync("query($f: Int) { projects(first: $f) { totalCount } }", new { f = 1e20 });

        Assert.Equal("Variable \"$f\" got invalid value 100000000000000000000; Int cannot represent non 32-bit signed integer value: 100000000000000000000",
            GraphQLClient.Messages(body).Single());
    }
}
