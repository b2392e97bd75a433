using System.Net;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Pages;

/// <summary>
/// A browser's Accept header gets a server-rendered page at every URL docs/pages.md lists; every other client keeps
/// JSON. Each representation has its own ETag and output-cache entry, and the page reuses the JSON's figures.
/// </summary>
public sealed class PageNegotiationTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    /// <summary>What Chromium sends for a navigation.</summary>
    public const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    public static TheoryData<string> PageUrls => new()
    {
        "/v1/revenue/aethir-2025q2-quarterly-revenue",
        "/v1/token-prices/helium-2026-06-01-price",
        "/v1/projects/aethir",
        "/v1/projects/aethir/revenue",
        "/v1/projects/aethir/revenue/2025Q2",
        "/v1/projects/helium/token-prices",
        "/v1/revenue?quarter=2026Q2&metric=annualized_external_revenue",
        "/v1/screening",
        "/v1/sectors/analytics",
    };

    [Theory]
    [MemberData(nameof(PageUrls))]
    public async Task A_browser_gets_a_page_and_curl_gets_json(string url)
    {
        using var page = await GetAsync(url, BrowserAccept);
        using var json = await GetAsync(url, "*/*");
        using var none = await GetAsync(url, null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", page.Content.Headers.ContentType?.CharSet);
        var html = await page.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart());
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<main id=\"content\">", html);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", page.Headers.Vary);
        Assert.Contains("Accept", json.Headers.Vary);
        Assert.NotEqual(page.Headers.ETag, json.Headers.ETag);
    }

    [Theory]
    [InlineData("text/html", "text/html")]
    [InlineData("text/html;q=0.5, application/json", "application/json")]
    [InlineData("application/json;q=0.5, text/html", "text/html")]
    [InlineData("text/csv, text/html;q=0.9", "text/csv")]
    [InlineData("*/*", "application/json")]
    // RFC 9110 12.5.1: a type takes the quality of the most specific range that matches it, a wildcard included, so
    // JSON keeps the 0.9 or 1 that */* gives it over a page named with less.
    [InlineData("*/*;q=0.9, text/html;q=0.1", "application/json")]
    [InlineData("text/html;q=0.5, */*", "application/json")]
    [InlineData("text/html, */*;q=0.8", "text/html")]
    // text/* accepts CSV and the page, not JSON: the first acceptable entry of the table, CSV, answers.
    [InlineData("text/*", "text/csv")]
    [InlineData("application/json;q=0, */*", "text/csv")]
    // Pages are UTF-8: a range asking for another charset matches nothing.
    [InlineData("text/html;charset=iso-8859-1, application/json;q=0.5", "application/json")]
    public async Task The_qualities_of_the_accept_header_choose(string accept, string expected)
    {
        using var response = await GetAsync("/v1/revenue/aethir-2025q2-quarterly-revenue", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Format_in_the_query_wins_over_a_browser_accept_header()
    {
        using var json = await GetAsync("/v1/revenue/aethir-2025q2-quarterly-revenue?format=json", BrowserAccept);
        using var csv = await GetAsync("/v1/revenue/aethir-2025q2-quarterly-revenue?format=csv", BrowserAccept);

        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Endpoints_without_a_page_keep_answering_json_to_a_browser()
    {
        using var response = await GetAsync("/v1/changes", BrowserAccept);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_representation_answers_304_to_its_own_tag_only()
    {
        const string url = "/v1/revenue/aethir-2025q2-quarterly-revenue";
        using var page = await GetAsync(url, BrowserAccept);
        using var json = await GetAsync(url, "application/json");

        using var pageAgain = await GetAsync(url, BrowserAccept, page.Headers.ETag!.ToString());
        using var jsonAgain = await GetAsync(url, "application/json", json.Headers.ETag!.ToString());
        // A tag of the JSON sent by a browser names another representation: the page is sent in full.
        using var crossed = await GetAsync(url, BrowserAccept, json.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.NotModified, pageAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, jsonAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
        Assert.Equal("text/html", crossed.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue", BrowserAccept)]
    [InlineData("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg", "*/*")]
    [InlineData("/v1/screening", BrowserAccept)]
    public async Task A_304_leaves_the_policy_the_browser_kept_with_the_page(string url, string accept)
    {
        // A browser copies a 304's headers onto the response it kept: the API's JSON policy there would refuse the
        // page's own stylesheet, script and charts, and forbid framing a chart made to be framed.
        using var first = await GetAsync(url, accept);
        using var again = await GetAsync(url, accept, first.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.True(first.Headers.Contains("Content-Security-Policy"));
        Assert.False(again.Headers.Contains("Content-Security-Policy"));
        Assert.False(again.Headers.Contains("X-Frame-Options"));
        Assert.Equal("nosniff", string.Join(",", again.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_sector_analytics_page_shows_what_a_source_states_for_the_sector_beside_the_sum_of_the_projects()
    {
        var json = await api.GetJsonAsync("/v1/sectors/analytics");
        var concentration = json.GetProperty("data").GetProperty("revenue").EnumerateArray()
            .First(c => c.GetProperty("statedTotal").ValueKind == System.Text.Json.JsonValueKind.Object);
        using var page = await GetAsync("/v1/sectors/analytics", BrowserAccept);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        var stated = concentration.GetProperty("statedTotal");
        Assert.Contains($"{stated.GetProperty("source").GetProperty("publisher").GetString()} states over $800 million for the sector", html);
        // The sum of "about" figures is about as exact as they are; so is what it differs by and every share of it.
        Assert.Contains("(the projects listed: about $20 million more)", html);
        Assert.Contains("Total about $820 million over 5 projects; top-3 share about 87.8049%", html);
        Assert.Contains("states a top-3 share of over 85%", html);
    }

    [Fact]
    public async Task The_figure_page_shows_what_the_json_holds()
    {
        const string url = "/v1/revenue/aethir-2025q2-quarterly-revenue";
        var data = (await api.GetJsonAsync(url)).GetProperty("data");
        var html = await PageAsync(url);

        Assert.Contains("<p class=\"figure\" id=\"reading\">$32.7 million, Q2 2025, disclosed</p>", html);
        Assert.Contains("<mark>$32.7 million</mark>", html);
        Assert.Contains(Encode(data.GetProperty("citation").GetString()!), html);
        Assert.Contains(Encode(data.GetProperty("source").GetProperty("publisher").GetString()!), html);
        Assert.Contains($"<link rel=\"canonical\" href=\"{data.GetProperty("permalink").GetString()}\"", html);
        Assert.Contains($"<meta property=\"og:url\" content=\"{data.GetProperty("permalink").GetString()}\"", html);
        Assert.Contains($"<meta property=\"og:image\" content=\"{data.GetProperty("permalink").GetString()}&amp;format=png\"", html);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\"", html);
        Assert.Contains("og:description\" content=\"$32.7 million, Q2 2025, disclosed. Source: BlockEden.xyz", html);
        // The series chart by URL with this figure marked on it, and the point marked in the table next to it.
        Assert.Contains("src=\"http://localhost/v1/projects/aethir/revenue?metric=quarterly_revenue&amp;asOf=1&amp;format=svg&amp;mark=aethir-2025q2-quarterly-revenue\"", html);
        Assert.Contains("<tr class=\"this\" aria-current=\"true\">", html);
        Assert.Contains("&lt;iframe src=", html);
        Assert.Contains("format=csv", html);
        Assert.Contains("http://localhost/graphql?query=", html);
        Assert.Contains("<textarea id=\"citation\" class=\"citation\" readonly", html);
    }

    [Fact]
    public async Task Pages_load_their_stylesheet_and_script_from_this_origin_under_a_strict_policy()
    {
        using var page = await GetAsync("/v1/projects/aethir", BrowserAccept);
        var html = await page.Content.ReadAsStringAsync();
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain(" style=", html);
        Assert.DoesNotMatch("<script>", html);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/pages/assets/pages\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
        using var css = await api.Client.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_page_and_the_json_share_one_cached_url_without_mixing()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        });
        using var client = factory.CreateClient();
        const string url = "/v1/projects/aethir/revenue";
        var html = await SendAsync(client, url, BrowserAccept);

        await TestPostgres.DropDatabaseAsync(connectionString);

        // The page comes from the output cache; the JSON was never cached, so it needs the database that is gone.
        Assert.Equal(html, await SendAsync(client, url, BrowserAccept));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        using var json = await client.SendAsync(request);
        Assert.NotEqual(HttpStatusCode.OK, json.StatusCode);
        Assert.NotEqual("text/html", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Og_url_comes_from_the_public_base_url_not_a_forged_host()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/projects/aethir");
        request.Headers.Accept.ParseAdd(BrowserAccept);
        request.Headers.Host = "evil.example";
        using var response = await api.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/v1/projects/aethir\"", html);
        Assert.DoesNotContain("evil.example", html);
    }

    [Fact]
    public async Task A_price_series_page_words_each_value_as_its_citation_does_and_pins_its_chart_to_the_version_shown()
    {
        var html = await PageAsync("/v1/projects/akash/token-prices");

        // The source's "over 120%", not "+120%": the row's qualifier is part of every value in it.
        Assert.Contains("up over 120%", html);
        Assert.DoesNotContain("+120%", html);
        // Embedded elsewhere, the chart keeps this page's figures after the next import.
        Assert.Contains("src=\"http://localhost/v1/projects/akash/token-prices?asOf=1&amp;format=svg\"", html);
    }

    private async Task<string> PageAsync(string url)
    {
        using var response = await GetAsync(url, BrowserAccept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("helium", "about 70%", "not stated")]
    [InlineData("hivemapper", "not stated", "mainly")]
    public async Task A_project_page_states_its_settlement_mix_as_the_source_does(string slug, string stablecoins, string native)
    {
        using var page = await GetAsync("/v1/projects/" + slug, BrowserAccept);
        var html = await page.Content.ReadAsStringAsync();

        // The row after the date: the source's hedge ("about") kept, and a mix given in words in the column it names.
        var row = System.Text.RegularExpressions.Regex.Match(html, @"Newest settlement mix</caption>.*?<tbody>\s*<tr>\s*<th.*?</th>\s*<td[^>]*>(?<stable>[^<]*)</td>\s*<td[^>]*>(?<native>[^<]*)</td>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(row.Success, html);
        Assert.Equal(Encode(stablecoins), row.Groups["stable"].Value);
        Assert.Equal(Encode(native), row.Groups["native"].Value);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await api.Client.SendAsync(request);
    }

    private static async Task<string> SendAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>As Razor writes text: HTML-encoded (quotes and non-ASCII characters as references).</summary>
    internal static string Encode(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);
}
