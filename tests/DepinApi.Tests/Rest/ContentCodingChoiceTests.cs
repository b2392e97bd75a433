using System.Net;
using System.Text.RegularExpressions;
using DepinApi.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Rest;

/// <summary>
/// Every response is sent in the content coding its Accept-Encoding gives the highest quality (RFC 9110 12.5.3), whoever
/// encodes it: response compression (REST, the API's index, GraphQL, Swagger UI's files, the pages' assets) or a body compressed
/// once beforehand (the OpenAPI document, the IDE's script). <c>q=0</c> refuses a coding even where <c>*</c> would take
/// it; a tie goes to Brotli, then gzip; identity named with a higher quality than every coding is sent as it is.
/// </summary>
public partial class ContentCodingChoiceTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    private const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static readonly (string AcceptEncoding, string Coding)[] Choices =
    [
        ("br;q=0, gzip;q=0, *", ""),
        ("*;q=0", ""),
        ("br;q=0, *", "gzip"),
        ("br;q=0.5, gzip", "gzip"),
        ("gzip;q=0.5, br", "br"),
        ("gzip, br", "br"),
        ("gzip;q=0.5, identity", ""),
    ];

    private static readonly (string Url, string? Accept)[] Urls =
    [
        ("/v1/projects/aethir", null),
        ("/openapi/v1.json", null),
        ("/docs/index.html", null),
        ("/v1", null),
        ("/graphql?query=%7Bprojects%7Bnodes%7Bslug%20name%20sector%20revenue%7Bquarter%20amountUsd%7D%7D%7D%7D", null),
        ("ide script", null),
        ("pages.css", null),
    ];

    public static TheoryData<string, string?, string, string> Cases()
    {
        var cases = new TheoryData<string, string?, string, string>();
        foreach (var (url, accept) in Urls)
        {
            foreach (var (acceptEncoding, coding) in Choices)
                cases.Add(url, accept, acceptEncoding, coding);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_coding_sent_is_the_one_accept_encoding_gives_the_highest_quality(string url, string? accept, string acceptEncoding, string coding)
    {
        url = await ResolveAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(coding, string.Join(",", response.Content.Headers.ContentEncoding));
    }

    private async Task<string> ResolveAsync(string url)
    {
        if (url == "pages.css") return api.Factory.Services.GetRequiredService<PageAssets>().PathOf(PathString.Empty, url);
        if (url != "ide script") return url;
        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.TryAddWithoutValidation("Accept", Browser);
        using var response = await api.Client.SendAsync(page);
        return IdeScript().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    [GeneratedRegex("src=\"(/graphql/ide/[^\"]+\\.js)\"")]
    private static partial Regex IdeScript();
}
