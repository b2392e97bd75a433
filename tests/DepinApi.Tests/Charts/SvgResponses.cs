using System.Net;
using System.Xml.Linq;

namespace DepinApi.Tests.Charts;

/// <summary>Fetches a chart as SVG and parses it, failing with the response body when it is not one.</summary>
internal static class SvgResponses
{
    public static async Task<XDocument> GetSvgAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}: {body}");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(body);
    }
}
