using System.Text.RegularExpressions;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// Hostile values in every REST parameter: a value the API validates (every path and query parameter except the free
/// text <c>q</c>) must be refused with a 4xx problem naming the problem, <c>q</c> may match nothing, and nothing is
/// ever a 500, a hang or a change to the data.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed partial class RestHostileInputTests(HostileInputApi api)
{
    private const int Seed = 20_260_801;
    private const int RandomCases = 250;

    // Before the endpoints: static fields initialise in order.
    private static readonly string[] Paging = ["limit", "cursor"];
    private static readonly string[] Common = ["format", "asOf"];

    /// <summary>Every REST endpoint with the query parameters it validates besides format and asOf (lists page too).</summary>
    private static readonly (string Path, string[] Query)[] Endpoints =
    [
        ("/v1/projects", [.. Paging, "sector", "sort"]),
        ("/v1/projects/{slug}", []),
        ("/v1/projects/{slug}/revenue", [.. Paging, "metric", "units", "from", "to"]),
        ("/v1/projects/{slug}/revenue/{quarter}", [.. Paging, "metric", "units"]),
        ("/v1/projects/{slug}/settlement-mix", Paging),
        ("/v1/projects/{slug}/token-prices", [.. Paging, "from", "to"]),
        ("/v1/projects/{slug}/metrics", [.. Paging, "metric"]),
        ("/v1/projects/{slug}/screening", []),
        ("/v1/revenue", [.. Paging, "quarter", "metric"]),
        ("/v1/revenue/{id}", []),
        ("/v1/settlement-mix", Paging),
        ("/v1/settlement-mix/{id}", []),
        ("/v1/token-prices", [.. Paging, "date"]),
        ("/v1/token-prices/{id}", []),
        ("/v1/metrics/{id}", []),
        ("/v1/sectors", Paging),
        ("/v1/sectors/analytics", ["sector", "quarter", "metric", "part"]),
        ("/v1/sector-figures", [.. Paging, "scope"]),
        ("/v1/sector-figures/{id}", []),
        ("/v1/sources", Paging),
        ("/v1/sources/{id}", []),
        ("/v1/screening", [.. Paging, "sector"]),
        ("/v1/changes", [.. Paging, "version"]),
        ("/v1/meta", []),
    ];


    [Fact]
    public async Task Every_fixed_hostile_value_in_every_kind_of_parameter_is_a_4xx_problem()
    {
        var cases = new List<HostileCase>();
        foreach (var value in HostileValues.Fixed)
        {
            cases.Add(Case("/v1/projects/{slug}/revenue", "slug", value));
            cases.Add(Case("/v1/projects/{slug}/revenue/{quarter}", "quarter", value));
            cases.Add(Case("/v1/revenue/{id}", "id", value));
            foreach (var parameter in Common.Concat(Paging).Concat(["sector", "sort"]))
                cases.Add(Case("/v1/projects", parameter, value));
            cases.Add(Case("/v1/revenue", "metric", value));
            cases.Add(Case("/v1/changes", "version", value));
            cases.Add(Case("/v1/projects/{slug}/token-prices", "from", value));
            // Free text: any answer but a 5xx, and never the whole list through an injected condition.
            cases.Add(new($"/v1/projects?q= {value.Label}", () => Get("/v1/projects?q=" + value.Encoded), Expectation.SuccessOrProblem()));
        }
        await HostileBarrage.RunAsync(api, cases);
        await api.AssertUnharmedAsync();
    }

    [Fact]
    public async Task Random_values_in_random_parameters_of_random_endpoints_are_4xx_problems()
    {
        var random = new Random(Seed);
        var cases = new List<HostileCase>();
        for (var i = 0; i < RandomCases; i++)
        {
            var (path, query) = Endpoints[random.Next(Endpoints.Length)];
            var candidates = PathParameters(path).Concat(query).Concat(Common).ToArray();
            var chosen = candidates.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(3, candidates.Length) + 1)).ToArray();
            var values = chosen.ToDictionary(p => p, _ => HostileValues.Random(random));
            var url = Url(path, values);
            cases.Add(new($"#{i} {url[..Math.Min(url.Length, 120)]}", () => Get(url), Expectation.Problem()));
        }
        await HostileBarrage.RunAsync(api, cases);
        await api.AssertUnharmedAsync();
    }

    [Fact]
    public async Task SQL_in_the_search_text_finds_nothing_and_changes_nothing()
    {
        foreach (var injection in new[] { "' OR 1=1 --", "%' OR '1'='1", "'; DROP TABLE projects; --", "%", "_" })
        {
            using var deadline = new CancellationTokenSource(HostileInputApi.RequestPatience);
            using var response = await api.InMemoryClient.GetAsync("/v1/projects?q=" + Uri.EscapeDataString(injection), deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            Assert.True(response.IsSuccessStatusCode, $"{injection}: {(int)response.StatusCode} {body}");
            // The text is searched for literally: no project's name, slug or symbol holds these characters.
            Assert.Contains("\"data\":[]", body);
        }
        await api.AssertUnharmedAsync();
    }

    [Theory]
    [InlineData("/v1/projects?q=helium%00", "q")]
    [InlineData("/v1/projects?q=%00%27%20OR%201%3D1%20--", "q")]
    [InlineData("/v1/projects/helium/metrics?metric=%00", "metric")]
    [InlineData("/v1/sources?sector=x&asOf=1%00", "asOf")]
    public async Task A_NUL_in_a_query_parameter_is_a_400_naming_it(string url, string parameter)
    {
        // Postgres text cannot hold U+0000: such a value reaching a query failed it, a 500 before this was checked.
        using var deadline = new CancellationTokenSource(HostileInputApi.RequestPatience);
        using var response = await api.InMemoryClient.GetAsync(url, deadline.Token);
        var body = await response.Content.ReadAsStringAsync(deadline.Token);
        Assert.Null(Expectation.Problem(400, "invalid-parameter").Check((int)response.StatusCode, response.Content.Headers.ContentType, body));
        Assert.Contains($"\"parameter\":\"{parameter}\"", body);
        Assert.Contains("U+0000", body);
    }

    [Fact]
    public async Task Hostile_headers_are_ignored_or_refused_never_a_500()
    {
        string[] junk =
        [
            "' OR 1=1 --", "\"; DROP TABLE projects; --", new string('x', 8_000), "text/csv;q=NaN, */*;q=1e400", "\u00ff\u00fe",
            "application/json; charset=\"", ",,,;;;===", "\t", "W/\"\"", "*/*;q=-1",
        ];
        string[] headers = ["Accept", "If-None-Match", "If-Modified-Since", "X-Forwarded-For", "X-Forwarded-Proto", "Origin", "Range", "Accept-Encoding", "Cookie", "X-Request-Id"];
        var cases = new List<HostileCase>();
        foreach (var header in headers)
            foreach (var (value, n) in junk.Select((v, n) => (v, n)))
                cases.Add(new($"{header} #{n}", () =>
                {
                    var request = Get("/v1/projects/aethir/revenue");
                    request.Headers.TryAddWithoutValidation(header, value);
                    return request;
                }, Expectation.SuccessOrProblem()));
        await HostileBarrage.RunAsync(api, cases);
        await api.AssertUnharmedAsync();
    }

    private static HostileCase Case(string path, string parameter, HostileValue value)
    {
        var url = Url(path, new Dictionary<string, HostileValue> { [parameter] = value });
        return new($"{path} {parameter}= {value.Label}", () => Get(url), Expectation.Problem());
    }

    /// <summary>The URL with the hostile values in place; path parameters not chosen get a valid value.</summary>
    private static string Url(string path, IReadOnlyDictionary<string, HostileValue> values)
    {
        var url = PathParameter().Replace(path, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v.Encoded : Valid(m.Groups[1].Value));
        var query = values.Where(v => !path.Contains("{" + v.Key + "}")).Select(v => v.Key + "=" + v.Value.Encoded).ToList();
        return query.Count == 0 ? url : url + "?" + string.Join("&", query);
    }

    private static string Valid(string pathParameter) => pathParameter switch
    {
        "slug" => "aethir",
        "quarter" => "2025Q2",
        _ => "aethir-2025q2-quarterly-revenue",
    };

    private static IEnumerable<string> PathParameters(string path) => PathParameter().Matches(path).Select(m => m.Groups[1].Value);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();
}
