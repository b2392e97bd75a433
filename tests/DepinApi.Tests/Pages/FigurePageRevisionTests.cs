using System.Net;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Pages;

/// <summary>
/// A figure whose source sentence carries markup, revised by a second import: the page escapes the sentence, and
/// lists the figure's versions, saying on the old version's page that it was revised since.
/// </summary>
public sealed class FigurePageRevisionTests : IAsyncLifetime
{
    private const string Id = SecondDataVersion.RevisedFigure;
    private const string Injected = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private ApiFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var directory = SeedDataCopy.InNewTemporaryFolder("depin-pages-");
        // Every figure quoting the sentence quotes it whole, markup included.
        foreach (var file in new[] { "revenue.csv", "network_metrics.csv" })
        {
            var path = Path.Combine(directory, file);
            File.WriteAllText(path, File.ReadAllText(path).Replace(
                "\"The quarterly growth trajectory was steep", $"\"{Injected} The quarterly growth trajectory was steep", StringComparison.Ordinal));
        }
        // The article says it too (a quote must occur in its article): the markup comes from the source itself.
        var article = Path.Combine(directory, "sources", "004_0d4ccd866ea6cb5b.txt");
        File.WriteAllText(article, File.ReadAllText(article).Replace(
            "The quarterly growth trajectory was steep", $"{Injected} The quarterly growth trajectory was steep", StringComparison.Ordinal));
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = directory,
        });
        client = factory.CreateClient();
        await client.GetStringAsync("/readyz");

        // Version 2 corrects the figure.
        SecondDataVersion.ReviseFigure(directory);
        await SecondDataVersion.ImportAsync(factory, connectionString, directory);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Markup_in_a_source_sentence_is_shown_as_text()
    {
        var html = await PageAsync($"/v1/revenue/{Id}?asOf=1");

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        // The number is still marked, after the escaped markup.
        Assert.Contains("<mark>$32.7 million</mark>", html);
    }

    [Fact]
    public async Task The_page_of_an_earlier_version_says_the_figure_was_revised_and_links_each_version()
    {
        var old = await PageAsync($"/v1/revenue/{Id}?asOf=1");
        var current = await PageAsync($"/v1/revenue/{Id}");

        Assert.Contains("$32.7 million, Q2 2025, disclosed", old);
        Assert.Contains("revised or removed since", old);
        Assert.Contains("an earlier version", old);
        Assert.Contains($"href=\"http://localhost/v1/revenue/{Id}?asOf=1\" aria-current=\"page\">Data version 1", old);
        Assert.Contains($"href=\"http://localhost/v1/revenue/{Id}?asOf=2\">Data version 2 onwards (current)", old);
        Assert.Contains("$32.8 million, Q2 2025, disclosed", current);
        Assert.Contains("unchanged in the current data", current);
        Assert.Contains($"href=\"http://localhost/v1/revenue/{Id}?asOf=2\" aria-current=\"page\">Data version 2 onwards (current)", current);
    }

    private async Task<string> PageAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", PageNegotiationTests.BrowserAccept);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }
}
