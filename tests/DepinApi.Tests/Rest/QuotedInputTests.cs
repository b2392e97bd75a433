using System.Globalization;
using System.Net;
using System.Text.Json;

namespace DepinApi.Tests.Rest;

/// <summary>
/// Every problem that quotes what a client sent cuts it at 4,000 characters followed by its whole length, whichever
/// status it has (docs/errors.md): a 404's detail, value and path as a 400's, not a 6,000-character id echoed whole.
/// </summary>
public class QuotedInputTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private static readonly string Long = new('b', 6_000);

    // What a quote of the 6,000 characters reads, cut: the first 4,000 and the whole length.
    private static readonly string Cut = new string('b', 4_000) + "… (6,000 characters)";

    [Theory]
    [InlineData("GET", "/v1/projects/{0}", "project-not-found", "value")]
    [InlineData("GET", "/v1/projects/{0}/revenue", "project-not-found", "value")]
    [InlineData("GET", "/v1/sources/{0}", "source-not-found", "value")]
    [InlineData("GET", "/v1/revenue/{0}", "figure-not-found", "value")]
    [InlineData("GET", "/v1/metrics/{0}", "figure-not-found", "value")]
    [InlineData("GET", "/v1/token-prices/{0}", "figure-not-found", "value")]
    [InlineData("GET", "/v1/settlement-mix/{0}", "figure-not-found", "value")]
    [InlineData("GET", "/v1/sector-figures/{0}", "figure-not-found", "value")]
    [InlineData("GET", "/{0}", "not-found", "path")]
    [InlineData("GET", "/v1/{0}", "not-found", "path")]
    [InlineData("DELETE", "/v1/projects/{0}", "method-not-allowed", "path")]
    [InlineData("GET", "/v1/projects?limit={0}", "invalid-parameter", "value")]
    [InlineData("GET", "/v1/projects?{0}=1", "unknown-parameter", "parameter")]
    public async Task A_long_id_or_path_is_quoted_cut_in_the_detail_and_the_member_that_repeats_it(string method, string url, string type, string member)
    {
        var (body, problem) = await ProblemAsync(method, string.Format(url, Long));
        var (_, shortProblem) = await ProblemAsync(method, string.Format(url, "bbbbbbbb"));

        Assert.Equal("/problems/" + type, problem.GetProperty("type").GetString());
        var repeated = problem.GetProperty(member).GetString()!;
        if (member == "path")
            Assert.Matches(@"^/[/a-z1]*b{3980,}… \(6,0\d\d characters\)$", repeated);
        else
            Assert.Equal(Cut, repeated);
        // The detail reads as it does for a short value, the long one quoted as its member quotes it: what the
        // sentence goes on to say (what was expected, where to look) is not cut off with it.
        var shortRepeated = shortProblem.GetProperty(member).GetString()!;
        Assert.Equal(shortProblem.GetProperty("detail").GetString()!.Replace(shortRepeated, repeated, StringComparison.Ordinal),
            problem.GetProperty("detail").GetString());
        Assert.InRange(body.Length, 8_000, 9_000);
    }

    [Fact]
    public async Task A_long_value_leaves_the_expected_values_in_the_detail()
    {
        var (_, problem) = await ProblemAsync("GET", "/v1/projects?sector=" + Long);

        Assert.Equal(Cut, problem.GetProperty("value").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(Cut, detail);
        Assert.Contains("wireless", detail[Cut.Length..]);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static TheoryData<string, string, string> LongEscapedRequests() => new()
    {
        // A control character is written in JSON as a six-byte escape, an emoji as twelve bytes: each quote was within
        // 4,000 characters, and the first three were problems of 108,005, 96,051 and 73,149 bytes for one point.
        { "/v1/projects?" + string.Join("&", Enumerable.Repeat("sector=" + Repeat("%01", 1_000), 10)), "invalid-parameter", "values" },
        { "/v1/projects?sector=" + Repeat("%01", 5_000) + "&sector=" + Repeat("%01", 5_000), "invalid-parameter", "values" },
        { "/v1/projects?" + Repeat("%01", 5_000) + "=" + Repeat("%01", 5_000), "unknown-parameter", "parameter" },
        { "/v1/projects/" + Repeat("%F0%9F%98%80", 2_720), "project-not-found", "value" },
        { "/v1/" + Repeat("%F0%9F%98%80", 2_720), "not-found", "path" },
    };

    [Theory]
    [MemberData(nameof(LongEscapedRequests))]
    public async Task A_problem_is_never_larger_than_64_KiB_however_its_quotes_are_escaped(string url, string type, string member)
    {
        var (body, problem) = await ProblemAsync("GET", url);

        Assert.Equal("/problems/" + type, problem.GetProperty("type").GetString());
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(body), 1, 64 * 1024);
        // What it repeats is still what was sent, cut shorter, with the whole length.
        var repeated = problem.GetProperty(member);
        Assert.Matches(@"… \([\d,]+ characters\)$", repeated.ValueKind == JsonValueKind.Array ? repeated[0].GetString() : repeated.GetString());
        Assert.Matches(@"… \([\d,]+ characters\)", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_parameter_given_too_many_times_to_quote_every_value_lists_its_first_values()
    {
        // 300 values of 40 control characters: 72 KB as JSON though none is long.
        var url = "/v1/projects?" + string.Join("&", Enumerable.Repeat("sector=" + Repeat("%01", 40), 300));

        var (body, problem) = await ProblemAsync("GET", url);

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(body), 1, 64 * 1024);
        var values = problem.GetProperty("values");
        Assert.InRange(values.GetArrayLength(), 1, 299);
        Assert.Equal(new string('\u0001', 40), values[0].GetString());
        Assert.Contains("given 300 times", problem.GetProperty("detail").GetString());
    }

    private async Task<(string Body, JsonElement Problem)> ProblemAsync(string method, string url)
    {
        using var response = await api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (body, JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public async Task A_project_list_too_long_to_take_is_quoted_by_the_same_rule()
    {
        var names = string.Join(",", Enumerable.Range(0, 1_500).Select(i => $"p{i}"));
        using var response = await api.Client.GetAsync("/v1/settlement-mix?project=" + names);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(names[..4_000] + string.Create(CultureInfo.InvariantCulture, $"… ({names.Length:N0} characters)"), problem.GetProperty("value").GetString());
    }
}
