using System.Net;
using System.Text.Json;
using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Rest;

/// <summary>Cursor pagination: Link rel=next, the whole list across pages, tamper-evident cursors.</summary>
public class PagingTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/v1/projects?limit=2", "slug")]
    [InlineData("/v1/projects?limit=3&sort=-name", "slug")]
    [InlineData("/v1/projects/aethir/revenue?limit=2", "id")]
    [InlineData("/v1/changes?limit=10", "id")]
    [InlineData("/v1/projects/akash/token-prices?limit=1", "id")]
    [InlineData("/v1/revenue?metric=annualized_external_revenue&limit=2", "project")]
    public async Task Following_next_links_visits_every_item_once(string firstPage, string key)
    {
        // The same query in one page (an unknown parameter would be refused, so the limit itself is replaced).
        var all = await api.GetJsonAsync(System.Text.RegularExpressions.Regex.Replace(firstPage, @"limit=\d+", "limit=500"));
        var expected = all.GetProperty("data").EnumerateArray().Select(i => i.GetProperty(key).GetString()).ToList();

        var seen = new List<string?>();
        string? url = firstPage;
        var pages = 0;
        while (url is not null)
        {
            using var response = await api.Client.GetAsync(url);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            seen.AddRange(body.GetProperty("data").EnumerateArray().Select(i => i.GetProperty(key).GetString()));
            url = body.GetProperty("page").GetProperty("next").GetString();
            if (url is not null)
                Assert.Equal($"<{url}>; rel=\"next\"", Assert.Single(response.Headers.GetValues("Link")));
            pages++;
        }

        Assert.True(pages > 1);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_modified_cursor_is_a_400_never_a_500()
    {
        var first = await api.GetJsonAsync("/v1/projects?limit=2");
        var cursor = first.GetProperty("page").GetProperty("nextCursor").GetString()!;
        // Flip one character of the signed payload.
        var tampered = (cursor[0] == 'A' ? 'B' : 'A') + cursor[1..];

        foreach (var bad in new[] { tampered, cursor[..^2], "not-a-cursor", cursor + "x", "." + cursor })
        {
            using var response = await api.Client.GetAsync($"/v1/projects?limit=2&cursor={Uri.EscapeDataString(bad)}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("/problems/invalid-cursor", problem.GetProperty("type").GetString());
            Assert.Equal("cursor", problem.GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public async Task A_cursor_from_another_query_is_refused()
    {
        var first = await api.GetJsonAsync("/v1/projects?limit=2&sector=compute");
        var cursor = first.GetProperty("page").GetProperty("nextCursor").GetString()!;

        using var response = await api.Client.GetAsync($"/v1/projects?limit=2&sector=storage&cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_cursor_works_with_another_page_size_and_as_csv()
    {
        var first = await api.GetJsonAsync("/v1/projects?limit=2");
        var cursor = Uri.EscapeDataString(first.GetProperty("page").GetProperty("nextCursor").GetString()!);

        var csv = await api.Client.GetStringAsync($"/v1/projects?limit=3&cursor={cursor}&format=csv");

        var slugs = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(["filecoin", "helium", "hivemapper"], slugs);
    }

    [Theory]
    [InlineData("&sector=")]
    [InlineData("&SECTOR=compute")]
    public async Task A_cursor_holds_for_the_same_query_however_its_parameters_are_written(string spelling)
    {
        // An empty value is no value, and a name in another case is the same parameter, as the endpoints read them.
        var plain = spelling.Contains("compute", StringComparison.Ordinal) ? "&sector=compute" : "";
        var first = await api.GetJsonAsync($"/v1/projects?limit=2{plain}");
        var cursor = Uri.EscapeDataString(first.GetProperty("page").GetProperty("nextCursor").GetString()!);

        using var response = await api.Client.GetAsync($"/v1/projects?limit=2{spelling}&cursor={cursor}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/projects?limit=2&q=e", "/v1/projects?limit=2&q=%20E%20")]
    [InlineData("/v1/settlement-mix?limit=1&project=helium,akash", "/v1/settlement-mix?limit=1&project=AKASH,%20helium,Helium")]
    [InlineData("/v1/token-prices?limit=1&project=helium,akash", "/v1/token-prices?limit=1&project=akash,helium")]
    [InlineData("/v1/figures?limit=2&q=revenue&project=akash,helium", "/v1/figures?limit=2&q=Revenue&project=helium,akash")]
    public async Task A_cursor_holds_for_a_search_or_project_list_the_endpoint_reads_alike(string query, string spelling)
    {
        // A search ignores case and surrounding space, and a list of names its order, case and repetition: the same
        // query, so its cursors page either spelling, and to the same rows.
        var first = await api.GetJsonAsync(query);
        var cursor = Uri.EscapeDataString(first.GetProperty("page").GetProperty("nextCursor").GetString()!);

        using var spelt = await api.Client.GetAsync($"{spelling}&cursor={cursor}");
        var asWritten = await api.GetJsonAsync($"{query}&cursor={cursor}");

        Assert.Equal(HttpStatusCode.OK, spelt.StatusCode);
        var rows = JsonDocument.Parse(await spelt.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        Assert.Equal(asWritten.GetProperty("data").GetRawText(), rows.GetRawText());
    }

    [Theory]
    [InlineData("/v1/projects?limit=2", "sort=slug")]
    [InlineData("/v1/projects?limit=2&sector=compute", "sort=slug")]
    [InlineData("/v1/projects/aethir/revenue?limit=2", "units=lin")]
    [InlineData("/v1/projects/akash/revenue/2025Q3?limit=1", "units=lin")]
    public async Task A_parameter_given_its_default_value_is_the_same_query_as_the_parameter_left_out(string firstPage, string written)
    {
        // Either way round: a cursor read without the parameter pages with it written out, and the reverse.
        foreach (var (read, paged) in new[] { (firstPage, $"{firstPage}&{written}"), ($"{firstPage}&{written}", firstPage) })
        {
            var cursor = Uri.EscapeDataString((await api.GetJsonAsync(read)).GetProperty("page").GetProperty("nextCursor").GetString()!);

            using var response = await api.Client.GetAsync($"{paged}&cursor={cursor}");

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{read} then {paged}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("/v1/projects?limit=2", "sort=-slug")]
    [InlineData("/v1/projects?limit=2", "sort=name")]
    [InlineData("/v1/projects/aethir/revenue?limit=2", "units=pch")]
    public async Task A_parameter_given_another_value_than_its_default_is_another_query(string firstPage, string written)
    {
        var cursor = Uri.EscapeDataString((await api.GetJsonAsync(firstPage)).GetProperty("page").GetProperty("nextCursor").GetString()!);

        using var response = await api.Client.GetAsync($"{firstPage}&{written}&cursor={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/problems/invalid-cursor", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
    }

    /// <summary>Every list parameter that declares a default is among those tested above, so a new one cannot go untested.</summary>
    [Fact]
    public void Every_declared_default_of_a_list_is_tested()
    {
        var tested = new[] { ("/v1/projects", "sort=slug"), ("/v1/projects/{slug}/revenue", "units=lin"), ("/v1/projects/{slug}/revenue/{quarter}", "units=lin") };
        var catalog = api.Factory.Services.GetRequiredService<QueryParameterCatalog>();

        var declared = api.Factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (catalog.DefaultsOf(e) ?? new Dictionary<string, string>())
                .Select(d => (e.RoutePattern.RawText!.TrimEnd('/'), $"{d.Key}={d.Value}")))
            .Distinct().Order().ToList();

        Assert.Equal(tested.Order(), declared);
    }

    [Theory]
    [InlineData("1", "01")]
    [InlineData("01", "1")]
    public async Task A_cursor_holds_for_another_spelling_of_the_same_version(string read, string paged)
    {
        var first = await api.GetJsonAsync($"/v1/projects?limit=2&asOf={read}");
        var cursor = Uri.EscapeDataString(first.GetProperty("page").GetProperty("nextCursor").GetString()!);

        using var response = await api.Client.GetAsync($"/v1/projects?limit=2&asOf={paged}&cursor={cursor}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("AKT")]
    [InlineData("akash-network")]
    public async Task Another_name_of_the_project_redirects_a_paged_or_refused_request_to_its_own_url(string name)
    {
        var first = await api.GetJsonAsync("/v1/projects/akash/token-prices?limit=1");
        var cursor = Uri.EscapeDataString(first.GetProperty("page").GetProperty("nextCursor").GetString()!);

        foreach (var query in new[] { $"limit=1&cursor={cursor}", "limt=1" })
        {
            using var moved = await api.NoRedirects.GetAsync($"/v1/projects/{name}/token-prices?{query}");
            Assert.Equal(HttpStatusCode.PermanentRedirect, moved.StatusCode);
            Assert.Equal($"/v1/projects/akash/token-prices?{query}", moved.Headers.Location!.OriginalString);
        }
        using var followed = await api.Client.GetAsync($"/v1/projects/akash/token-prices?limit=1&cursor={cursor}");
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }
}
