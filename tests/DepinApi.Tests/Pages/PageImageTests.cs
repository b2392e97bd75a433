using System.Net;
using System.Text.RegularExpressions;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Pages;

/// <summary>
/// Every chart a page embeds and every preview image it names for link previews is an image the API draws: a chart URL
/// that the series refuses (a second metric, a page's limit, a resource without charts) would show a reader a broken image.
/// </summary>
public partial class PageImageTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    public static TheoryData<string, string> Pages => PageOpenApiTests.Pages;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_image_a_page_names_is_drawn(string template, string url)
    {
        // A page of a list, as its "next page" link opens it: the chart still draws the whole series.
        var paged = template is "/v1/projects/{slug}/revenue" or "/v1/projects/{slug}/revenue/{quarter}" or "/v1/projects/{slug}/token-prices"
            or "/v1/revenue" or "/v1/screening";
        using var request = new HttpRequestMessage(HttpMethod.Get, paged ? url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=2" : url);
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await api.Client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var images = ImageUrls().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        foreach (var image in images)
        {
            using var response = await api.Client.GetAsync(image);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {image} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("(?:<img src|<meta property=\"og:image\" content)=\"([^\"]+)\"")]
    private static partial Regex ImageUrls();
}
