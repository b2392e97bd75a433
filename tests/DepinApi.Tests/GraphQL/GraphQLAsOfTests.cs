using System.Text.Json;

namespace DepinApi.Tests.GraphQL;

/// <summary>asOf reads a past data version; one request reads one version.</summary>
public class GraphQLAsOfTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Fact]
    public async Task A_data_version_or_a_day_selects_the_version_served_then()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var data = await api.Client.DataAsync($$"""{ meta(asOf: 1) { dataVersion } projects(first: 1, asOf: "1") { nodes { slug } } }""");
        var byDay = await api.Client.DataAsync($$"""{ meta(asOf: "{{today}}") { dataVersion } }""");

        Assert.Equal(1, data.GetProperty("meta").GetProperty("dataVersion").GetInt32());
        Assert.Equal(1, byDay.GetProperty("meta").GetProperty("dataVersion").GetInt32());
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1e0")]
    [InlineData("\"1\"")]
    public async Task A_version_variable_written_as_a_whole_JSON_number_in_any_form_is_that_version(string json)
    {
        var variables = JsonDocument.Parse($$"""{"v": {{json}}}""").RootElement;
        var data = await api.Client.DataAsync("query($v: AsOf) { meta(asOf: $v) { dataVersion } }", variables);

        Assert.Equal(1, data.GetProperty("meta").GetProperty("dataVersion").GetInt32());
    }

    [Fact]
    public async Task A_fractional_version_variable_is_refused_as_the_number_it_is()
    {
        var body = await api.Client.PostAsync("query($v: AsOf) { meta(asOf: $v) { dataVersion } }", JsonDocument.Parse("""{"v": 1.5}""").RootElement);

        Assert.Contains("AsOf cannot represent 1.5", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_version_that_does_not_exist_is_an_error_saying_which_do()
    {
        var body = await api.Client.PostAsync("""{ meta(asOf: "99") { dataVersion } }""");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("DATA_VERSION_NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Data version 99 does not exist; only version 1 does.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_day_before_the_first_import_is_an_error()
    {
        var body = await api.Client.PostAsync("""{ meta(asOf: "2000-01-01") { dataVersion } }""");

        Assert.Equal("DATA_VERSION_NOT_FOUND", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    // The compiled path's shape, the resolvers' (rateLimit is not compiled), a first root field without asOf, and asOf
    // given by a variable and in a fragment: each the same one error for the request, before any field runs.
    [Theory]
    [InlineData("""{ a: project(slug: "helium", asOf: "1") { slug } b: project(slug: "akash", asOf: "2") { slug } c: project(slug: "helium") { slug } }""", null)]
    [InlineData("""{ a: project(slug: "helium", asOf: "1") { slug } b: project(slug: "akash", asOf: "2") { slug } rateLimit { remaining } }""", null)]
    [InlineData("""{ projects(first: 100) { nodes { revenue { id } } } meta(asOf: "1") { dataVersion } sources(asOf: "2") { id } }""", null)]
    [InlineData("""query($v: AsOf) { meta(asOf: $v) { dataVersion } ...F } fragment F on Query { sources(asOf: "2") { id } }""", "1")]
    public async Task Root_fields_that_name_different_versions_fail_the_request_with_one_error_locating_each(string query, string? v)
    {
        using var response = await api.Client.SendPostAsync(query, v is null ? null : new { v });
        var body = await GraphQLClient.ReadAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("AS_OF_CONFLICT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("they ask for asOf \"1\", \"2\".", error.GetProperty("message").GetString());
        Assert.False(error.TryGetProperty("path", out _));
        var locations = error.GetProperty("locations").EnumerateArray().Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("column").GetInt32()));
        Assert.Equal(FieldsGivingAsOf(query), locations);
    }

    [Fact]
    public async Task A_null_skip_condition_beside_another_version_is_answered_as_execution_answers_it()
    {
        var body = await api.Client.PostAsync(
            """query($v: Boolean = true) { meta(asOf: "1") @skip(if: $v) { dataVersion } sources(asOf: "2") { id } }""", new { v = (bool?)null });

        // Whether meta counts for asOf cannot be told: the condition's error, as graphql-js collects the root fields.
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Contains("\"if\"", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Root_fields_without_as_of_follow_the_one_that_gives_it()
    {
        var data = await api.Client.DataAsync("query($v: AsOf) { sources { id } meta(asOf: $v) { dataVersion } }", new { v = "1" });

        Assert.Equal(1, data.GetProperty("meta").GetProperty("dataVersion").GetInt32());
    }

    [Theory]
    [InlineData("\"9999-12-31\"")]
    [InlineData("\"1\"")]
    public async Task The_last_day_a_date_can_name_serves_the_newest_version(string asOf)
    {
        var data = await api.Client.DataAsync($$"""{ meta(asOf: {{asOf}}) { dataVersion } projects(first: 1, asOf: {{asOf}}) { nodes { slug } } }""");

        Assert.Equal(1, data.GetProperty("meta").GetProperty("dataVersion").GetInt32());
        Assert.Single(data.GetProperty("projects").GetProperty("nodes").EnumerateArray());
    }

    [Theory]
    [InlineData("\"0001-01-01\"", "DATA_VERSION_NOT_FOUND")]
    [InlineData("2147483647", "DATA_VERSION_NOT_FOUND")]
    public async Task The_ends_of_the_range_are_errors_with_a_code(string asOf, string code)
    {
        var body = await api.Client.PostAsync($$"""{ meta(asOf: {{asOf}}) { dataVersion } }""");

        Assert.Equal(code, body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("\"10000-01-01\"")]
    public async Task A_version_or_date_outside_the_range_is_a_validation_error(string asOf)
    {
        using var response = await api.Client.SendPostAsync($$"""{ meta(asOf: {{asOf}}) { dataVersion } }""");
        var body = await GraphQLClient.ReadAsync(response);

        // A literal the scalar refuses fails validation, as graphql-js words it: a 400 with no data.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Contains("AsOf cannot represent", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    // Where each root field that gives asOf starts (its alias, if it has one), on the document's one line.
    private static IEnumerable<(int Line, int Column)> FieldsGivingAsOf(string query) =>
        System.Text.RegularExpressions.Regex.Matches(query, @"(\w+: )?\w+\([^)]*asOf:").Select(m => (1, m.Index + 1));
}
